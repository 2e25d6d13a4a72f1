package dev.sqsredrive.mover.file;

import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;

/** STUB (replaced by the file-format branch). */
public final class MessageLines {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageLines() {
    }

    public record Decoded(Msg message, String queue, Instant exportedAt) {
    }

    public static final class BadLine extends RuntimeException {
        public BadLine(String reason) {
            super(reason);
        }
    }

    public static String encode(Msg m, String queueArn, Instant exportedAt) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("messageId", m.id());
        n.put("body", m.body());
        ObjectNode a = n.putObject("attributes");
        m.attributes().forEach((k, v) -> a.putObject(k).put("type", v.dataType()).put("value",
                v.binaryValue() != null ? Base64.getEncoder().encodeToString(v.binaryValue()) : v.stringValue()));
        ObjectNode s = n.putObject("system");
        m.system().forEach((k, v) -> s.put(k.name(), v));
        n.put("queue", queueArn);
        n.put("exportedAt", exportedAt.toString());
        return n.toString();
    }

    public static Decoded decode(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (Exception e) {
            throw new BadLine("not JSON");
        }
        if (n.path("v").asInt() != 1) {
            throw new BadLine("\"v\" is not 1");
        }
        Map<String, MsgAttribute> attrs = new LinkedHashMap<>();
        n.path("attributes").fields().forEachRemaining(e -> {
            String type = e.getValue().path("type").asText();
            String value = e.getValue().path("value").asText();
            attrs.put(e.getKey(), type.startsWith("Binary") ? new MsgAttribute(type, null,
                    Base64.getDecoder().decode(value)) : MsgAttribute.string(type, value));
        });
        Map<Msg.SystemAttribute, String> sys = new EnumMap<>(Msg.SystemAttribute.class);
        n.path("system").fields().forEachRemaining(e -> sys.put(Msg.SystemAttribute.valueOf(e.getKey()),
                e.getValue().asText()));
        return new Decoded(new Msg(n.path("messageId").isTextual() ? n.get("messageId").asText() : null, null,
                n.path("body").asText(), attrs, sys), n.path("queue").asText(null),
                n.has("exportedAt") ? Instant.parse(n.get("exportedAt").asText()) : null);
    }
}
