package dev.sqsredrive.mover.file;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;
import dev.sqsredrive.mover.file.MessageLines.BadLine;
import dev.sqsredrive.mover.file.MessageLines.Decoded;

/**
 * Reads a v1 line strictly where a mistake would change the message (a duplicate key, a value of the wrong
 * JSON type, an attribute type SQS does not know, base64 that is not) and leniently where it cannot: unknown
 * fields, top-level or under "system", are skipped, so a later version's extra fields do not stop this one.
 */
final class LineDecoder {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern DATA_TYPE = Pattern.compile("(String|Number|Binary)(\\..+)?", Pattern.DOTALL);

    private LineDecoder() {
    }

    static Decoded decode(String line) {
        JsonNode root = parse(line);
        JsonNode v = root.get("v");
        if (v == null) {
            throw new BadLine("no \"v\": not a message line, or one older than version 1");
        }
        if (!v.isIntegralNumber() || v.asLong() != MessageLines.VERSION) {
            throw new BadLine("\"v\" is " + v + ": this version reads " + MessageLines.VERSION);
        }
        String id = text(root, "messageId", true);
        String body = body(root);
        Msg m = new Msg(id, null, body, attributes(root.get("attributes")), system(root.get("system")));
        return new Decoded(m, text(root, "queue", false), exportedAt(text(root, "exportedAt", false)));
    }

    private static JsonNode parse(String line) {
        if (line.isBlank()) {
            throw new BadLine("an empty line");
        }
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new BadLine("not JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new BadLine("not a JSON object");
        }
        return root;
    }

    private static String body(JsonNode root) {
        String body = text(root, "body", true);
        String encoding = text(root, "bodyEncoding", false);
        if (encoding == null) {
            return body;
        }
        if (!encoding.equals("base64")) {
            throw new BadLine("\"bodyEncoding\" is \"" + encoding + "\": this version reads \"base64\"");
        }
        String decoded = Wtf8.decode(base64(body, "\"body\""));
        if (decoded == null) {
            throw new BadLine("body is not UTF-8 text, which SQS cannot carry");
        }
        return decoded;
    }

    private static Map<String, MsgAttribute> attributes(JsonNode node) {
        Map<String, MsgAttribute> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw new BadLine("\"attributes\" is not an object");
        }
        for (var e : node.properties()) {
            String name = e.getKey();
            JsonNode a = e.getValue();
            if (!a.isObject()) {
                throw new BadLine("attribute \"" + name + "\" is not an object");
            }
            String type = text(a, "type", true, "attribute \"" + name + "\"");
            if (!DATA_TYPE.matcher(type).matches()) {
                throw new BadLine("attribute \"" + name + "\" has type \"" + type
                        + "\": SQS knows String, Number and Binary, each with an optional .suffix");
            }
            String value = text(a, "value", true, "attribute \"" + name + "\"");
            out.put(name, MessageLines.binary(type)
                    ? new MsgAttribute(type, null, base64(value, "attribute \"" + name + "\""))
                    : MsgAttribute.string(type, value));
        }
        return out;
    }

    private static Map<Msg.SystemAttribute, String> system(JsonNode node) {
        Map<Msg.SystemAttribute, String> out = new EnumMap<>(Msg.SystemAttribute.class);
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw new BadLine("\"system\" is not an object");
        }
        SystemNames.BY_NAME.forEach((name, attribute) -> {
            String value = text(node, name, false, "\"system\"");
            if (value != null && SystemNames.DECIMAL.contains(attribute) && !DECIMAL.matcher(value).matches()) {
                throw new BadLine("\"system\": \"" + name + "\" is not a decimal number: " + value);
            }
            if (value != null) {
                out.put(attribute, value);
            }
        });
        return out;
    }

    private static Instant exportedAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadLine("\"exportedAt\" is not a UTC time like 2026-12-02T10:15:30Z: " + text);
        }
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BadLine(what + " is not base64");
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        return text(node, field, required, null);
    }

    /** within: what holds the field, for the reason ("attribute \"a\""); null at the top level. */
    private static String text(JsonNode node, String field, boolean required, String within) {
        JsonNode value = node.get(field);
        String named = (within == null ? "" : within + ": ") + "\"" + field + "\"";
        if (value == null || value.isNull() && !required) {
            if (required) {
                throw new BadLine(within == null ? "no " + named : within + " has no \"" + field + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new BadLine(named + " is not a string");
        }
        return value.textValue();
    }
}
