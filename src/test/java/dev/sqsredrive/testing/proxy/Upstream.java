package dev.sqsredrive.testing.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Forwards a request as it came to the real server and returns the server's answer. */
final class Upstream {

    /** Headers the JDK client sets itself (or refuses), and hop-by-hop headers. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    /** Above SQS's 20 s long poll. */
    private static final int CALL_TIMEOUT_MILLIS = 40_000;

    private final URI base;

    Upstream(URI base) {
        this.base = base;
    }

    Http1.Response forward(Http1.Request request) {
        try {
            HttpURLConnection c = (HttpURLConnection) base.resolve(request.target()).toURL().openConnection();
            c.setConnectTimeout(5_000);
            c.setReadTimeout(CALL_TIMEOUT_MILLIS);
            c.setRequestMethod(request.method());
            request.headers().forEach((k, v) -> {
                if (!NOT_FORWARDED.contains(k)) {
                    c.setRequestProperty(k, v);
                }
            });
            if (request.body().length > 0) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(request.body().length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(request.body());
                }
            }
            int status = c.getResponseCode();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
                String name = h.getKey() == null ? null : h.getKey().toLowerCase(Locale.ROOT);
                if (name != null && !NOT_FORWARDED.contains(name)) {
                    headers.put(name, String.join(",", h.getValue()));
                }
            }
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] body;
            try (in) {
                body = in == null ? new byte[0] : in.readAllBytes();
            }
            return new Http1.Response(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
