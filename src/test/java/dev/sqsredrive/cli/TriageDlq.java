package dev.sqsredrive.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A DLQ as its producers fill it, on ElasticMQ, with the census of what went in by group (the filters inspect
 * is to print for it, and the bodies of each):
 * <ul>
 *   <li>Lambda's asynchronous-invocation DLQ: the original event as the body (JSON), RequestID (String),
 *       ErrorCode (Number, an HTTP status) and ErrorMessage (String) as message attributes;</li>
 *   <li>an EventBridge target's DLQ: the event (JSON, version/id/detail-type/source/.../detail) as the body,
 *       RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE, RETRY_ATTEMPTS, EXHAUSTED_RETRY_CONDITION as String
 *       attributes;</li>
 *   <li>SQS's own redrive: text bodies dead-lettered from a source queue (DeadLetterQueueSourceArn);</li>
 *   <li>messages sent to the DLQ directly with neither: one with a binary attribute, one of 1 MiB.</li>
 * </ul>
 */
final class TriageDlq {

    static final String TIMEOUT = "Task timed out after 3.00 seconds";
    static final String KEY_ERROR = "KeyError: 'sku'";
    /** The largest body that fits SQS's 1 MiB with the attribute it carries. */
    static final int LARGE = 1024 * 1024 - 64;

    final Queue dlq;
    final Queue source;
    /** Filters of each group inspect is to find, by default, to the bodies in it. */
    final Map<List<String>, List<String>> census = new LinkedHashMap<>();
    private final TestQueues queues;

    TriageDlq(TestQueues queues) {
        this.queues = queues;
        dlq = queues.create("dlq");
        source = queues.createSourceOf("orders", dlq, false);
        census.put(List.of("attr:ErrorCode=200", "attr:ErrorMessage=" + TIMEOUT), lambda(5, TIMEOUT, "t"));
        census.put(List.of("attr:ErrorCode=200", "attr:ErrorMessage=" + KEY_ERROR), lambda(3, KEY_ERROR, "k"));
        census.put(List.of("attr:ERROR_CODE=SDK_CLIENT_ERROR", "attr:ERROR_MESSAGE=Lambda function not found",
                "!attr:ErrorCode"), eventBridge(4));
        census.put(List.of("origin:" + source.arn(), "!attr:ErrorCode", "!attr:ERROR_CODE"),
                queues.deadLetter(source, dlq, 6, "redriven text"));
        List<String> direct = new ArrayList<>();
        direct.add(send(Map.of("blob", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xff})).build()), "binary attribute"));
        direct.add(send(Map.of(), "L".repeat(LARGE)));
        census.put(List.of("!origin", "!attr:ErrorCode", "!attr:ERROR_CODE"), direct);
    }

    int total() {
        return census.values().stream().mapToInt(List::size).sum();
    }

    List<String> allBodies() {
        return census.values().stream().flatMap(List::stream).toList();
    }

    private List<String> lambda(int n, String error, String prefix) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, MessageAttributeValue> a = new HashMap<>();
            a.put("RequestID", string("String", UUID.randomUUID().toString()));
            a.put("ErrorCode", string("Number", "200"));
            a.put("ErrorMessage", string("String", error));
            bodies.add(send(a, "{\"orderId\":\"" + prefix + i + "\",\"customer\":{\"id\":\"c-" + i + "\"},\"lines\":[]}"));
        }
        return bodies;
    }

    private List<String> eventBridge(int n) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, MessageAttributeValue> a = new HashMap<>();
            a.put("RULE_ARN", string("String", "arn:aws:events:us-east-1:123456789012:rule/orders-placed"));
            a.put("TARGET_ARN", string("String", "arn:aws:lambda:us-east-1:123456789012:function:ship"));
            a.put("ERROR_CODE", string("String", "SDK_CLIENT_ERROR"));
            a.put("ERROR_MESSAGE", string("String", "Lambda function not found"));
            a.put("RETRY_ATTEMPTS", string("String", "0"));
            a.put("EXHAUSTED_RETRY_CONDITION", string("String", "MaximumRetryAttempts"));
            bodies.add(send(a, "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"OrderPlaced\","
                    + "\"source\":\"shop.orders\",\"account\":\"123456789012\",\"time\":\"2026-12-06T10:00:00Z\","
                    + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"orderId\":\"e" + i + "\"}}"));
        }
        return bodies;
    }

    private String send(Map<String, MessageAttributeValue> attributes, String body) {
        queues.sqs().sendMessage(r -> r.queueUrl(dlq.url()).messageBody(body).messageAttributes(attributes));
        return body;
    }

    private static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }
}
