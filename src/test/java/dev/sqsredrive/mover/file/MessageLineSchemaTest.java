package dev.sqsredrive.mover.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;

/** The schema in docs/ says what the encoder writes, and refuses what the decoder refuses. */
class MessageLineSchemaTest {

    private static Schema schema;

    @BeforeAll
    static void load() throws IOException {
        String text = Files.readString(Path.of("docs/schema/message-line-v1.schema.json"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }

    private static List<Error> errors(String line) {
        return schema.validate(line, InputFormat.JSON);
    }

    @Test
    void encodedLinesAreValid() {
        Msg loneSurrogate = SampleMessages.body("id", "x\uD800y")
                .withAttributes(Map.of("b", new MsgAttribute("Binary.raw", null, new byte[0])));
        for (Msg m : List.of(SampleMessages.full(), loneSurrogate, SampleMessages.body("plain", ""))) {
            String line = MessageLines.encode(m, SampleMessages.QUEUE, SampleMessages.NOW);
            assertThat(errors(line)).as(line).isEmpty();
        }
        assertThat(MessageLines.encode(loneSurrogate, null, null)).contains("\"bodyEncoding\":\"base64\"");
        assertThat(errors(MessageLines.encode(SampleMessages.body("m", "b"), null, null))).isEmpty();
    }

    @Test
    void badLinesAreRefusedByTheSchemaAsByTheDecoder() {
        String ok = "\"messageId\":\"m\",\"body\":\"b\"";
        for (String bad : List.of(
                "{" + ok + "}",                                                         // no v
                "{\"v\":2," + ok + "}",                                                 // wrong v
                "{\"v\":\"1\"," + ok + "}",
                "{\"v\":1,\"body\":\"b\"}",                                             // no messageId
                "{\"v\":1," + ok + ",\"attributes\":{\"a\":{\"value\":\"x\"}}}",        // an attribute without type
                "{\"v\":1," + ok + ",\"attributes\":{\"a\":{\"type\":\"Text\",\"value\":\"x\"}}}",
                "{\"v\":1," + ok + ",\"attributes\":{\"a\":{\"type\":\"Binary\",\"value\":\"%%\"}}}",
                "{\"v\":1," + ok + ",\"bodyEncoding\":\"hex\"}",
                "{\"v\":1," + ok + ",\"system\":{\"SentTimestamp\":\"yesterday\"}}")) {
            assertThat(errors(bad)).as(bad).isNotEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageLines.decode(bad)).as(bad)
                    .isInstanceOf(MessageLines.BadLine.class);
        }
    }

    @Test
    void unknownFieldsAreAllowedForwardCompatibly() {
        assertThat(errors("{\"v\":1,\"messageId\":\"m\",\"body\":\"b\",\"later\":true}")).isEmpty();
    }
}
