package dev.sqsredrive.task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.aws.RedriveException;

/**
 * The first line of a client-side task's journal: what was asked, so that {@code start --resume HANDLE}
 * carries on with the same destination, rate, filters and limit.
 */
public record JournalHeader(String taskHandle, String sourceArn, String destinationArn, Double rate,
                            ClientOptions options) {

    public String toJson() {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        n.put("taskHandle", taskHandle);
        n.put("sourceArn", sourceArn);
        n.put("destinationArn", destinationArn);
        n.put("rate", rate);
        n.put("concurrency", options.concurrency());
        n.put("limit", options.limit());
        n.put("copy", options.copy());
        ArrayNode filters = n.putArray("filters");
        options.filters().forEach(filters::add);
        n.put("archive", options.archive());
        return n.toString();
    }

    public static JournalHeader parse(String line) {
        try {
            JsonNode n = TaskCodec.JSON.readTree(line);
            List<String> filters = new ArrayList<>();
            n.path("filters").forEach(f -> filters.add(f.asText()));
            ClientOptions options = ClientOptions.builder()
                    .concurrency(n.path("concurrency").isNumber() ? n.get("concurrency").asInt() : null)
                    .limit(n.path("limit").isNumber() ? n.get("limit").asLong() : null)
                    .copy(n.path("copy").asBoolean(false))
                    .filters(filters)
                    .archive(text(n, "archive"))
                    .build();
            return new JournalHeader(text(n, "taskHandle"), text(n, "sourceArn"), text(n, "destinationArn"),
                    n.path("rate").isNumber() ? n.get("rate").asDouble() : null, options);
        } catch (IOException | RuntimeException e) {
            // Not the parser's text: it runs to several lines and quotes the file.
            throw RedriveException.usage("the journal of this task does not start with the task's options (its"
                    + " first line is not valid JSON): it cannot be resumed; start the move again, which still"
                    + " deletes what it sent");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
