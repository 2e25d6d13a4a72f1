package dev.sqsredrive.mover.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;
import dev.sqsredrive.mover.file.MessageLines.BadLine;

class MessageLinesTest {

    private static Msg roundTrip(Msg m) {
        String line = MessageLines.encode(m, SampleMessages.QUEUE, SampleMessages.NOW);
        assertThat(line).doesNotContain("\n");
        var decoded = MessageLines.decode(line);
        assertThat(decoded.queue()).isEqualTo(SampleMessages.QUEUE);
        assertThat(decoded.exportedAt()).isEqualTo(SampleMessages.NOW);
        assertThat(decoded.message().receiptHandle()).isNull();
        return decoded.message();
    }

    @Test
    void everyAttributeTypeEverySystemAttributeAndFifoFieldsComeBackEqual() {
        Msg m = SampleMessages.full();
        assertThat(roundTrip(m)).isEqualTo(m);
        assertThat(roundTrip(m).attributes().get("b").binaryValue()).isEqualTo(SampleMessages.everyByte());
    }

    @Test
    void writesTheDocumentedFieldsUnderSqsNames() {
        String line = MessageLines.encode(SampleMessages.full(), SampleMessages.QUEUE, SampleMessages.NOW);
        assertThat(line).startsWith("{\"v\":1,\"messageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\",\"body\":")
                .contains("\"png\":{\"type\":\"Binary.png\",\"value\":\"iVBORw==\"}")
                .contains("\"system\":{\"SentTimestamp\":\"1764670530123\",\"ApproximateReceiveCount\":\"4\","
                        + "\"ApproximateFirstReceiveTimestamp\":\"1764670531000\",\"AWSTraceHeader\":")
                .contains("\"SequenceNumber\":\"18849496460467696128\"")
                .endsWith("\"queue\":\"" + SampleMessages.QUEUE + "\",\"exportedAt\":\"2026-12-02T10:15:30.123Z\"}")
                .contains("😀") // text stays readable: no \\u escapes for a well-formed line
                .doesNotContain("bodyEncoding");
    }

    @Test
    void attributesAndSystemAreLeftOutWhenEmpty() {
        String line = MessageLines.encode(SampleMessages.body("id", "plain"), null, null);
        assertThat(line).isEqualTo("{\"v\":1,\"messageId\":\"id\",\"body\":\"plain\"}");
        assertThat(MessageLines.decode(line).message()).isEqualTo(SampleMessages.body("id", "plain"));
    }

    @Test
    void aLoneSurrogateBodyIsBase64OfItsWtf8BytesAndComesBackExactly() {
        String body = "before \uD800 middle \uDC00 after 😀 and \uD83D";
        String line = MessageLines.encode(SampleMessages.body("id", body), null, null);
        assertThat(line).contains("\"bodyEncoding\":\"base64\"").doesNotContain("before");
        assertThat(roundTrip(SampleMessages.body("id", body)).body()).isEqualTo(body);
    }

    @Test
    void aLoneSurrogateInAnAttributeValueIsEscapedAndComesBackExactly() {
        Msg m = SampleMessages.body("id", "b").withAttributes(Map.of("s", MsgAttribute.string("String", "x\uDC00y")));
        assertThat(MessageLines.encode(m, null, null)).contains("\\uDC00");
        assertThat(roundTrip(m)).isEqualTo(m);
    }

    @Test
    void bodiesOf256KibAnd1MibComeBack() {
        String kib256 = "é".repeat(128 * 1024);                     // 256 KiB in UTF-8
        String mib1 = "\u0001".repeat(1024 * 1024);                 // 1 MiB, each one a 6-character escape
        assertThat(roundTrip(SampleMessages.body("a", kib256)).body()).isEqualTo(kib256);
        assertThat(roundTrip(SampleMessages.body("b", mib1)).body()).isEqualTo(mib1);
        String lone = "\uD800".repeat(512 * 1024);                  // base64 of 1.5 MiB of WTF-8
        assertThat(roundTrip(SampleMessages.body("c", lone)).body()).isEqualTo(lone);
    }

    @Test
    void unknownFieldsAreIgnored() {
        var decoded = MessageLines.decode("{\"v\":1,\"messageId\":\"m\",\"body\":\"b\",\"later\":{\"x\":[1]},"
                + "\"system\":{\"SomethingNew\":\"1\",\"MessageGroupId\":\"g\"}}");
        assertThat(decoded.message().body()).isEqualTo("b");
        assertThat(decoded.message().groupId()).isEqualTo("g");
        assertThat(decoded.queue()).isNull();
        assertThat(decoded.exportedAt()).isNull();
    }

    @Test
    void badLinesSayWhatIsWrong() {
        bad("", "an empty line");
        bad("not json", "not JSON");
        bad("[1]", "not a JSON object");
        bad("{\"v\":1,\"messageId\":\"m\",\"body\":\"b\"} {}", "not JSON");
        bad("{\"messageId\":\"m\",\"body\":\"b\"}", "no \"v\"");
        bad("{\"v\":2,\"messageId\":\"m\",\"body\":\"b\"}", "\"v\" is 2: this version reads 1");
        bad("{\"v\":\"1\",\"messageId\":\"m\",\"body\":\"b\"}", "\"v\" is \"1\": this version reads 1");
        bad("{\"v\":1,\"messageId\":\"m\"}", "no \"body\"");
        bad("{\"v\":1,\"body\":\"b\"}", "no \"messageId\"");
        bad("{\"v\":1,\"messageId\":\"m\",\"body\":7}", "\"body\" is not a string");
        bad("{\"v\":1,\"messageId\":\"m\",\"body\":\"a\",\"body\":\"b\"}", "not JSON: Duplicate field 'body'");
        bad(line("\"bodyEncoding\":\"hex\""), "\"bodyEncoding\" is \"hex\": this version reads \"base64\"");
        bad(line("\"bodyEncoding\":\"base64\""), "\"body\" is not base64");
        bad("{\"v\":1,\"messageId\":\"m\",\"body\":\"/w==\",\"bodyEncoding\":\"base64\"}",
                "body is not UTF-8 text, which SQS cannot carry"); // 0xFF
        bad(line("\"attributes\":{\"a\":{\"value\":\"x\"}}"), "attribute \"a\" has no \"type\"");
        bad(line("\"attributes\":{\"a\":{\"type\":\"String\"}}"), "attribute \"a\" has no \"value\"");
        bad(line("\"attributes\":{\"a\":{\"type\":\"Text\",\"value\":\"x\"}}"), "attribute \"a\" has type \"Text\"");
        bad(line("\"attributes\":{\"a\":{\"type\":\"Binary\",\"value\":\"%%\"}}"), "attribute \"a\" is not base64");
        bad(line("\"attributes\":{\"a\":{\"type\":\"Number\",\"value\":1}}"), "attribute \"a\": \"value\" is not a string");
        bad(line("\"attributes\":[]"), "\"attributes\" is not an object");
        bad(line("\"system\":{\"SentTimestamp\":\"yesterday\"}"), "\"SentTimestamp\" is not a decimal number");
        bad(line("\"system\":{\"MessageGroupId\":1}"), "\"system\": \"MessageGroupId\" is not a string");
        bad(line("\"exportedAt\":\"today\""), "\"exportedAt\" is not a UTC time");
    }

    private static String line(String extra) {
        return "{\"v\":1,\"messageId\":\"m\",\"body\":\"b!\"," + extra + "}";
    }

    private static void bad(String line, String reason) {
        assertThatThrownBy(() -> MessageLines.decode(line)).isInstanceOf(BadLine.class).hasMessageContaining(reason);
    }
}
