package dev.sqsredrive.testing.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Forwards a request as it came to the real server and returns the server's answer. */
final class Upstream {

    /** Headers the JDK client sets itself (or refuses), and hop-by-hop headers. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    /** Above SQS's 20 s long poll. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Upstream(URI base) {
        this.base = base;
    }

    Http1.Response forward(Http1.Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(request.target())).timeout(CALL_TIMEOUT)
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((k, v) -> {
            if (!NOT_FORWARDED.contains(k)) {
                b.header(k, v);
            }
        });
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase()) && !k.startsWith(":")) {
                    headers.put(k.toLowerCase(), String.join(",", v));
                }
            });
            return new Http1.Response(r.statusCode(), headers, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while forwarding", e));
        }
    }
}
