package dev.sqsredrive.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Whether SQS is AWS's own or an emulator's: some behaviour (FIFO move tasks, accounts) exists only on AWS. */
public final class Endpoints {

    private Endpoints() {
    }

    /** No --endpoint-url is AWS; an endpoint URL is AWS when its host is one of AWS's domains. */
    public static boolean isAws(Optional<URI> endpoint) {
        return endpoint.isEmpty() || isAws(endpoint.get());
    }

    public static boolean isAws(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
    }

    /**
     * The host of a typed queue URL when it is not the endpoint's: the SDK sends every request to the endpoint
     * and only reads the account and name from the URL, so that host is never called. Loopback names are one
     * host (an emulator's URLs may say localhost where the endpoint says 127.0.0.1); ports are not compared.
     */
    public static Optional<String> hostNotCalled(URI queueUrl, Optional<URI> endpoint) {
        if (endpoint.isEmpty() || queueUrl.getHost() == null) {
            return Optional.empty();
        }
        String host = queueUrl.getHost().toLowerCase(Locale.ROOT);
        String called = endpoint.get().getHost() == null ? "" : endpoint.get().getHost().toLowerCase(Locale.ROOT);
        boolean same = host.equals(called) || loopback(host) && loopback(called);
        return same ? Optional.empty() : Optional.of(queueUrl.getHost());
    }

    /**
     * A plain-http endpoint off this machine: what is sent there (bodies, the signed headers) can be read on
     * the way. Decided from the URL alone, with no DNS lookup: only localhost and loopback literals count
     * as this machine.
     */
    public static boolean plainHttpOffLoopback(URI endpoint) {
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            return false;
        }
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return !loopback(host);
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.\\d{1,3}){3}")
                || host.equals("[::1]") || host.equals("::1");
    }
}
