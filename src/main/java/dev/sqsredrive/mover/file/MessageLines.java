package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;

/**
 * Format v1 of a message line (docs/FILES.md, docs/schema/message-line-v1.schema.json): one JSON object a
 * line, every attribute typed, the system attributes under SQS's names. Written with Jackson's streaming
 * API and read with its tree API, so nothing is bound by reflection (native image, DESIGN §7).
 */
public final class MessageLines {

    public static final int VERSION = 1;

    private static final JsonFactory PLAIN = JsonFactory.builder().build();
    /** For a line with a lone surrogate outside the body: \\u escapes give it back exactly, raw UTF-8 cannot. */
    private static final JsonFactory ESCAPED = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private MessageLines() {
    }

    /** One line, no trailing newline. queueArn: the queue it came from; exportedAt: now. */
    public static String encode(Msg m, String queueArn, Instant exportedAt) {
        StringWriter out = new StringWriter(m.body().length() + 256);
        try (JsonGenerator g = (allWellFormed(m, queueArn) ? PLAIN : ESCAPED).createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("messageId", m.id());
            writeBody(g, m.body());
            writeAttributes(g, m.attributes());
            writeSystem(g, m.system());
            if (queueArn != null) {
                g.writeStringField("queue", queueArn);
            }
            if (exportedAt != null) {
                g.writeStringField("exportedAt", exportedAt.toString());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** @throws BadLine (unchecked) with a short reason, e.g. "no \"body\"", "\"v\" is 2: this version reads 1" */
    public static Decoded decode(String line) {
        return LineDecoder.decode(line);
    }

    /** A line read back: the message (no receipt handle: it was never received from here), where it came from. */
    public record Decoded(Msg message, String queue, Instant exportedAt) {
    }

    /** A line that is not a message of this format; the reason is short enough for one line on stderr. */
    public static final class BadLine extends RuntimeException {
        public BadLine(String reason) {
            super(reason);
        }
    }

    /** Whether the data types name a Binary value (Binary, or a custom Binary.x), which a line holds as base64. */
    static boolean binary(String dataType) {
        return dataType.equals("Binary") || dataType.startsWith("Binary.");
    }

    private static void writeBody(JsonGenerator g, String body) throws IOException {
        if (Wtf8.wellFormed(body)) {
            g.writeStringField("body", body);
        } else {
            g.writeStringField("body", Base64.getEncoder().encodeToString(Wtf8.encode(body)));
            g.writeStringField("bodyEncoding", "base64");
        }
    }

    private static void writeAttributes(JsonGenerator g, Map<String, MsgAttribute> attributes) throws IOException {
        if (attributes.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("attributes");
        for (var e : new TreeMap<>(attributes).entrySet()) { // sorted: the same message gives the same line
            MsgAttribute a = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeStringField("type", a.dataType());
            g.writeStringField("value", binary(a.dataType())
                    ? Base64.getEncoder().encodeToString(a.binaryValue() == null ? new byte[0] : a.binaryValue())
                    : a.stringValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeSystem(JsonGenerator g, Map<Msg.SystemAttribute, String> system) throws IOException {
        if (system.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("system");
        for (var e : SystemNames.BY_ATTRIBUTE.entrySet()) {
            String value = system.get(e.getKey());
            if (value != null) {
                g.writeStringField(e.getValue(), value);
            }
        }
        g.writeEndObject();
    }

    private static boolean allWellFormed(Msg m, String queueArn) {
        if (!Wtf8.wellFormed(m.id()) || queueArn != null && !Wtf8.wellFormed(queueArn)) {
            return false;
        }
        for (var e : m.attributes().entrySet()) {
            String value = e.getValue().stringValue();
            if (!Wtf8.wellFormed(e.getKey()) || !Wtf8.wellFormed(e.getValue().dataType())
                    || value != null && !Wtf8.wellFormed(value)) {
                return false;
            }
        }
        return m.system().values().stream().allMatch(Wtf8::wellFormed);
    }
}
