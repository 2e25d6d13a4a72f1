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
}
