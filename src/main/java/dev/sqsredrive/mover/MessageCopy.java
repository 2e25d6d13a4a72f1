package dev.sqsredrive.mover;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What a moved message carries over: its body, every message attribute as received (any data type,
 * binary and custom types included), and AWSTraceHeader, the only system attribute SQS lets a sender set.
 * For a FIFO destination also its MessageGroupId and a deduplication id that is the same on every
 * attempt and unique to the DLQ message (its MessageId), so a resend within SQS's five-minute window is
 * dropped but two different messages never are.
 */
public final class MessageCopy {

    /** SQS refuses a message with more message attributes than this. */
    public static final int MAX_ATTRIBUTES = 10;

    private MessageCopy() {
    }

    public static SendMessageBatchRequestEntry entry(Message m, String entryId, boolean fifoDestination) {
        var entry = SendMessageBatchRequestEntry.builder().id(entryId).messageBody(m.body());
        if (m.hasMessageAttributes() && !m.messageAttributes().isEmpty()) {
            entry.messageAttributes(m.messageAttributes());
        }
        String trace = m.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER);
        if (trace != null) {
            entry.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                    MessageSystemAttributeValue.builder().dataType("String").stringValue(trace).build()));
        }
        if (fifoDestination) {
            entry.messageGroupId(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
            entry.messageDeduplicationId(deduplicationId(m));
        }
        return entry.build();
    }

    /**
     * The DLQ message's MessageId: SQS keeps it while the message stays in the DLQ, so every attempt (and a
     * resend after a crash) carries the same id. Not the message's own deduplication id: two different
     * messages in a DLQ can share one (sent more than five minutes apart, or equal bodies under content-based
     * deduplication), and the destination would drop the second while answering success.
     */
    public static String deduplicationId(Message m) {
        return m.messageId();
    }

    /** The size SQS counts against MaximumMessageSize: the body plus each attribute's name, type and value. */
    public static long size(Message m) {
        long size = utf8(m.body());
        if (m.hasMessageAttributes()) {
            for (Map.Entry<String, MessageAttributeValue> a : m.messageAttributes().entrySet()) {
                size += utf8(a.getKey()) + utf8(a.getValue().dataType()) + valueSize(a.getValue());
            }
        }
        return size;
    }

    public static int attributeCount(Message m) {
        return m.hasMessageAttributes() ? m.messageAttributes().size() : 0;
    }

    private static long valueSize(MessageAttributeValue v) {
        long size = utf8(v.stringValue());
        if (v.binaryValue() != null) {
            size += v.binaryValue().asByteArrayUnsafe().length;
        }
        return size;
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
