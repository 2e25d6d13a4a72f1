package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import dev.sqsredrive.mover.sqs.SqsMessages;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;

class MessageCopyTest {

    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "s", MessageAttributeValue.builder().dataType("String").stringValue("v").build(),
            "b", MessageAttributeValue.builder().dataType("Binary.x").binaryValue(SdkBytes.fromUtf8String("12")).build());

    private static Message dlqMessage() {
        return Message.builder().messageId("mid").receiptHandle("rh").body("héllo").messageAttributes(ATTRIBUTES)
                .attributes(Map.of(
                        MessageSystemAttributeName.AWS_TRACE_HEADER, "Root=1-abc",
                        MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000",
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "3",
                        MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN, "arn:aws:sqs:us-east-1:1:q",
                        MessageSystemAttributeName.MESSAGE_GROUP_ID, "g1",
                        MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "1700000000500",
                        MessageSystemAttributeName.SEQUENCE_NUMBER, "18849496460467696128"))
                .build();
    }

    @Test
    void carriesBodyAttributesAndOnlyTheTraceHeaderAsSystemAttribute() {
        var entry = SqsMessages.entry(SqsMessages.from(dlqMessage()), "m0", false);
        assertThat(entry.messageBody()).isEqualTo("héllo");
        assertThat(entry.messageAttributes()).isEqualTo(ATTRIBUTES);
        assertThat(entry.messageSystemAttributes()).containsOnlyKeys(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER);
        assertThat(entry.messageSystemAttributes().get(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER).stringValue())
                .isEqualTo("Root=1-abc");
        assertThat(entry.messageGroupId()).isNull(); // standard destination
        assertThat(entry.messageDeduplicationId()).isNull();
    }

    @Test
    void keepsEverySystemAttributeAnExportNeedsButSendsNoneOfThemOn() {
        Msg m = SqsMessages.from(dlqMessage());
        assertThat(m.attribute(Msg.SystemAttribute.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)).isEqualTo("1700000000500");
        assertThat(m.attribute(Msg.SystemAttribute.SEQUENCE_NUMBER)).isEqualTo("18849496460467696128");
        var fifo = SqsMessages.entry(m, "m0", true);
        assertThat(fifo.messageSystemAttributes()).containsOnlyKeys(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER);
    }

    @Test
    void fifoGetsTheGroupAndADeterministicDeduplicationId() {
        Message m = dlqMessage();
        var entry = SqsMessages.entry(SqsMessages.from(m), "m0", true);
        assertThat(entry.messageGroupId()).isEqualTo("g1");
        assertThat(entry.messageDeduplicationId()).isEqualTo("mid");
        assertThat(SqsMessages.entry(SqsMessages.from(m), "m1", true).messageDeduplicationId()).isEqualTo("mid"); // a resend: the same
    }

    @Test
    void twoMessagesSharingADeduplicationIdInTheDlqGetDistinctOnesSoNeitherIsDropped() {
        Map<MessageSystemAttributeName, String> sameDedup = new java.util.HashMap<>(dlqMessage().attributes());
        sameDedup.put(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "shared");
        Message first = dlqMessage().toBuilder().messageId("mid-1").attributes(sameDedup).build();
        Message second = dlqMessage().toBuilder().messageId("mid-2").attributes(sameDedup).build();

        assertThat(SqsMessages.entry(SqsMessages.from(first), "m0", true).messageDeduplicationId()).isEqualTo("mid-1");
        assertThat(SqsMessages.entry(SqsMessages.from(second), "m1", true).messageDeduplicationId()).isEqualTo("mid-2");
    }

    @Test
    void sizeCountsBodyAndEachAttributesNameTypeAndValue() {
        // body 6 bytes (é is 2); "s"+"String"+"v" = 8; "b"+"Binary.x"+2 bytes = 11
        assertThat(MessageCopy.size(SqsMessages.from(dlqMessage()))).isEqualTo(6 + 8 + 11);
    }

    @Test
    void theSizeOfATextIsWhatItsUtf8EncodingHolds() {
        // 1, 2, 3 and 4 bytes a character (a surrogate pair is one), and a lone surrogate, which encodes as '?'
        for (String s : java.util.List.of("", "plain", "\u00e9t\u00e9", "\u20ac\u0800\uffff", "\ud83d\ude00x",
                "a\ud83d", "\ude00b", "\ud83d\ud83d")) {
            assertThat(MessageCopy.utf8(s)).as(s).isEqualTo(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void batchesKeepOrderAndBothLimits() {
        var batches = Batches.split(java.util.List.of(5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), Integer::longValue, 10, 12);
        assertThat(batches).containsExactly(java.util.List.of(5, 5), java.util.List.of(5, 1, 1, 1, 1, 1, 1, 1),
                java.util.List.of(1, 1, 1));
        assertThat(Batches.split(java.util.List.of(20), Integer::longValue, 10, 12)).hasSize(1); // never empty
    }
}
