package dev.sqsredrive.testing.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The two wire forms of SQS: the AWS JSON 1.0 protocol (what AWS SDK for Java 2.x speaks since 2.21:
 * POST with {@code X-Amz-Target: AmazonSQS.<Operation>}) and the older query protocol (form-encoded
 * {@code Action=<Operation>}, XML answers). Tells which operation a request is, and makes SQS-shaped errors
 * in the form the caller speaks.
 */
final class SqsWire {

    static final String JSON_TYPE = "application/x-amz-json-1.0";
    private static final String TARGET_PREFIX = "AmazonSQS.";

    private SqsWire() {
    }

    static boolean isJson(Http1.Request request) {
        return request.header("x-amz-target") != null;
    }

    /** The SQS operation name (e.g. SendMessageBatch), or "unknown". */
    static String operation(Http1.Request request) {
        String target = request.header("x-amz-target");
        if (target != null) {
            return target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        }
        String form = new String(request.body(), StandardCharsets.UTF_8);
        int q = request.target().indexOf('?');
        if (q >= 0) {
            form = request.target().substring(q + 1) + "&" + form;
        }
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return "unknown";
    }

    static Http1.Response throttled(boolean json, String code) {
        return error(json, 400, code, true, "Rate exceeded (injected by FaultProxy)");
    }

    static Http1.Response serverError(boolean json, int status) {
        String code = status == 503 ? "ServiceUnavailable" : "InternalError";
        return error(json, status, code, false, "injected by FaultProxy");
    }

    /**
     * An SQS error. JSON form: {@code __type} plus the {@code x-amzn-query-error: Code;Sender} header that SQS
     * adds for query-compatible clients (the SDK takes the error code from it). Query form: the XML
     * ErrorResponse.
     */
    static Http1.Response error(boolean json, int status, String code, boolean senderFault, String message) {
        String type = senderFault ? "Sender" : "Receiver";
        if (json) {
            Http1.Response r = Http1.Response.of(status, JSON_TYPE,
                    "{\"__type\":\"com.amazonaws.sqs#" + code + "\",\"message\":\"" + message + "\"}");
            r.headers().put("x-amzn-query-error", code + ";" + type);
            r.headers().put("x-amzn-requestid", UUID.randomUUID().toString());
            return r;
        }
        return Http1.Response.of(status, "text/xml",
                "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">"
                        + "<Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message><Detail/></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }
}
