package dev.sqsredrive.testing.proxy;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON requests and answers changed on their way. A real partial batch failure: chosen entries are removed from a SendMessageBatch /
 * DeleteMessageBatch request before it reaches the server, so they really do not happen, and are added to
 * the response's "Failed" list the way SQS reports them (Id, SenderFault, Code, Message).
 */
final class BatchFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchFailures() {
    }

    /**
     * Runs the batch with its chosen entries failed: {@code forward} sends the trimmed request
     * (it is not called when no entry is left) and the answer gets the failed entries merged in.
     */
    static Http1.Response fail(Http1.Request request, Fault.FailEntries fault,
                               Function<Http1.Request, Http1.Response> forward) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(request.body());
        ArrayNode entries = (ArrayNode) body.path("Entries");
        ArrayNode failed = JSON.createArrayNode();
        ArrayNode kept = JSON.createArrayNode();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            boolean chosen = fault.bodyMarker() == null ? i < fault.entries()
                    : entry.path("MessageBody").asText().contains(fault.bodyMarker());
            if (chosen) {
                failed.add(JSON.createObjectNode().put("Id", entry.path("Id").asText())
                        .put("SenderFault", fault.senderFault())
                        .put("Code", fault.senderFault() ? "InvalidParameterValue" : "InternalError")
                        .put("Message", "injected by FaultProxy"));
            } else {
                kept.add(entry);
            }
        }
        Http1.Response response;
        ObjectNode answer;
        if (kept.isEmpty()) {
            answer = JSON.createObjectNode();
            answer.putArray("Successful");
            response = Http1.Response.of(200, SqsWire.JSON_TYPE, "");
        } else {
            body.set("Entries", kept);
            response = forward.apply(request.withBody(JSON.writeValueAsBytes(body)));
            if (response.status() != 200) {
                return response;
            }
            answer = (ObjectNode) JSON.readTree(response.body());
        }
        ArrayNode allFailed = answer.has("Failed") ? (ArrayNode) answer.get("Failed") : answer.putArray("Failed");
        allFailed.addAll(failed);
        return response.withBody(JSON.writeValueAsBytes(answer));
    }

    /** The server's answer with its first stored entries reported failed on the server's side (SenderFault false). */
    static Http1.Response storedButFailed(Http1.Response response, Fault.StoredButFailed fault) throws IOException {
        if (response.status() != 200) {
            return response;
        }
        ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
        ArrayNode successful = answer.has("Successful") ? (ArrayNode) answer.get("Successful") : answer.putArray("Successful");
        ArrayNode failed = answer.has("Failed") ? (ArrayNode) answer.get("Failed") : answer.putArray("Failed");
        for (int i = 0; i < fault.entries() && !successful.isEmpty(); i++) {
            JsonNode stored = successful.remove(0);
            failed.add(JSON.createObjectNode().put("Id", stored.path("Id").asText()).put("SenderFault", false)
                    .put("Code", "InternalError").put("Message", "injected by FaultProxy after the server stored it"));
        }
        return response.withBody(JSON.writeValueAsBytes(answer));
    }

    /** A JSON answer as {@code fault} edits it; an error answer as it came. */
    static Http1.Response edited(Http1.Response response, Fault.EditAnswer fault) throws IOException {
        if (response.status() != 200) {
            return response;
        }
        ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
        fault.edit().accept(answer);
        return response.withBody(JSON.writeValueAsBytes(answer));
    }

    /** A JSON request as {@code fault} edits it. */
    static Http1.Request edited(Http1.Request request, Fault.EditRequest fault) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(request.body());
        fault.edit().accept(body);
        return request.withBody(JSON.writeValueAsBytes(body));
    }

    /** How many entries a successful batch answer lists under "Successful". */
    static int successful(byte[] responseBody) {
        try {
            return JSON.readTree(responseBody).path("Successful").size();
        } catch (IOException e) {
            return 0;
        }
    }
}
