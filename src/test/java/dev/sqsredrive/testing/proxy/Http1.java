package dev.sqsredrive.testing.proxy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough HTTP/1.1 for the fault proxy: reads one request (Content-Length or chunked body, bounded in
 * size) from a keep-alive connection and writes one response with a Content-Length. Header names are kept
 * lower-case.
 */
final class Http1 {

    /** Bigger than any SQS request (1 MiB batch plus JSON overhead), small enough to bound a bad client. */
    static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int MAX_HEADER_LINE = 16 * 1024;

    private Http1() {
    }

    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        Request withBody(byte[] newBody) {
            return new Request(method, target, headers, newBody);
        }
    }

    record Response(int status, Map<String, String> headers, byte[] body) {

        static Response of(int status, String contentType, String body) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("content-type", contentType);
            return new Response(status, h, body.getBytes(StandardCharsets.UTF_8));
        }

        Response withBody(byte[] newBody) {
            return new Response(status, headers, newBody);
        }
    }

    /** The next request on the connection, or null when the client closed it cleanly between requests. */
    static Request read(InputStream in, OutputStream out) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            if (length > MAX_BODY) {
                throw new IOException("request body of " + length + " bytes is above the proxy's bound");
            }
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("request body cut short");
            }
        }
        return new Request(parts[0], parts[1], headers, body);
    }

    static void write(OutputStream out, Response response) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        response.headers().forEach((k, v) -> {
            if (!k.equals("content-length") && !k.equals("transfer-encoding") && !k.equals("connection")) {
                head.append(k).append(": ").append(v).append("\r\n");
            }
        });
        head.append("content-length: ").append(response.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new EOFException("chunked body cut short");
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are dropped
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw new IOException("chunked request body above the proxy's bound");
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    /** One CRLF-terminated line, or null at end of stream before any byte. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                buf.write(b);
            }
            if (buf.size() > MAX_HEADER_LINE) {
                throw new IOException("header line above " + MAX_HEADER_LINE + " bytes");
            }
        }
        if (b == -1 && buf.size() == 0) {
            return null;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
