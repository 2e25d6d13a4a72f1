package dev.sqsredrive.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers every SQS call with one fixed JSON error. Not ElasticMQ: ElasticMQ
 * accepts any credentials and so can never say they expired; this stub is for errors only AWS produces.
 */
public final class SqsStub implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger calls;

    private SqsStub(HttpServer server, AtomicInteger calls) {
        this.server = server;
        this.calls = calls;
    }

    /** Every call refused as AWS refuses an expired session token (awsJson 1.0, query-compatible header). */
    public static SqsStub expiredToken() {
        return answering(400, "ExpiredToken", "The security token included in the request is expired");
    }

    public static SqsStub answering(int status, String code, String message) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            byte[] body = ("{\"__type\":\"com.amazonaws.sqs#" + code + "\",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            AtomicInteger calls = new AtomicInteger();
            server.createContext("/", exchange -> {
                calls.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().add("x-amzn-query-error", code + ";Sender");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new SqsStub(server, calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests reached it: zero proves a command refused its input before calling anything. */
    public int calls() {
        return calls.get();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
