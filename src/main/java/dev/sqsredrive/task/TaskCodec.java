package dev.sqsredrive.task;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * MoveTask to and from JSON, with ListMessageMoveTasks' field names in camelCase, so that scripts read the
 * same fields from `redrive list -o json` as from `aws sqs list-message-move-tasks`. Built on Jackson's
 * tree API: no reflection, nothing to register for a native image.
 */
public final class TaskCodec {

    public static final ObjectMapper JSON = new ObjectMapper();

    private TaskCodec() {
    }

    public static ObjectNode toJson(MoveTask t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("taskHandle", t.taskHandle());
        n.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        n.put("status", t.status().name());
        n.put("sourceArn", t.sourceArn());
        n.put("destinationArn", t.destinationArn());
        if (t.rate() == null) {
            n.putNull("maxNumberOfMessagesPerSecond");
        } else if (t.rate() == Math.rint(t.rate())) {
            n.put("maxNumberOfMessagesPerSecond", t.rate().longValue());
        } else {
            n.put("maxNumberOfMessagesPerSecond", t.rate());
        }
        n.put("approximateNumberOfMessagesMoved", t.moved());
        n.put("approximateNumberOfMessagesToMove", t.toMove());
        n.put("failureReason", t.failureReason());
        n.put("startedTimestamp", t.startedAt() == null ? null : t.startedAt().toEpochMilli());
        n.put("returned", t.returned()); // ours, not SQS's: moved messages that came back to the DLQ
        return n;
    }

    public static MoveTask fromJson(JsonNode n) {
        return new MoveTask(text(n, "taskHandle"),
                MoveTask.Kind.valueOf(n.path("kind").asText("native").toUpperCase(Locale.ROOT)),
                TaskStatus.parse(n.path("status").asText()),
                text(n, "sourceArn"), text(n, "destinationArn"),
                n.path("maxNumberOfMessagesPerSecond").isNumber()
                        ? n.get("maxNumberOfMessagesPerSecond").asDouble() : null,
                n.path("approximateNumberOfMessagesMoved").asLong(0),
                n.path("approximateNumberOfMessagesToMove").isNumber()
                        ? n.get("approximateNumberOfMessagesToMove").asLong() : null,
                text(n, "failureReason"),
                n.path("startedTimestamp").isNumber()
                        ? Instant.ofEpochMilli(n.get("startedTimestamp").asLong()) : null,
                n.path("returned").asLong(0)); // a record written before the field: none counted
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
