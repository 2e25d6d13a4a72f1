package dev.sqsredrive.task;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the source queue out of a task handle. AWS handles are base64 of a small JSON document that
 * names the source ARN ({"taskId":…,"sourceArn":…}); other endpoints use opaque handles, for which
 * the caller falls back to the local record or a scan.
 */
public final class TaskHandles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskHandles() {
    }

    public static Optional<String> sourceArnOf(String handle) {
        try {
            byte[] decoded = Base64.getDecoder().decode(handle.strip());
            JsonNode node = JSON.readTree(new String(decoded, StandardCharsets.UTF_8));
            JsonNode arn = node == null ? null : node.get("sourceArn");
            return arn != null && arn.isTextual() && arn.asText().startsWith("arn:")
                    ? Optional.of(arn.asText()) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException notAnAwsHandle) {
            return Optional.empty();
        }
    }
}
