package dev.sqsredrive.mover.sqs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.aws.MessageMd5;
import dev.sqsredrive.mover.Entry;
import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;
import dev.sqsredrive.mover.MessageCopy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SDK's messages and batch entries to the mover's {@link Msg} and back. What a copy carries over is
 * {@link MessageCopy}'s rule; this only spells it in SQS's terms: the body, every message attribute as
 * received, AWSTraceHeader (the only system attribute a sender may set), and for a FIFO destination the
 * group and the deduplication id.
 */
public final class SqsMessages {

    private static final Map<Msg.SystemAttribute, MessageSystemAttributeName> SYSTEM = Map.of(
            Msg.SystemAttribute.MESSAGE_GROUP_ID, MessageSystemAttributeName.MESSAGE_GROUP_ID,
            Msg.SystemAttribute.MESSAGE_DEDUPLICATION_ID, MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID,
            Msg.SystemAttribute.AWS_TRACE_HEADER, MessageSystemAttributeName.AWS_TRACE_HEADER,
            Msg.SystemAttribute.DEAD_LETTER_QUEUE_SOURCE_ARN, MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN,
            Msg.SystemAttribute.SENT_TIMESTAMP, MessageSystemAttributeName.SENT_TIMESTAMP,
            Msg.SystemAttribute.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
            Msg.SystemAttribute.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
            MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
            Msg.SystemAttribute.SEQUENCE_NUMBER, MessageSystemAttributeName.SEQUENCE_NUMBER);

    private SqsMessages() {
    }

    public static Msg from(Message m) {
        Map<String, MsgAttribute> attributes = Map.of();
        if (m.hasMessageAttributes() && !m.messageAttributes().isEmpty()) {
            // Built immutable here, so Msg keeps it as it is instead of copying it again.
            @SuppressWarnings("unchecked")
            Map.Entry<String, MsgAttribute>[] each = new Map.Entry[m.messageAttributes().size()];
            int i = 0;
            for (var a : m.messageAttributes().entrySet()) {
                MessageAttributeValue v = a.getValue();
                each[i++] = Map.entry(a.getKey(), new MsgAttribute(v.dataType(), v.stringValue(),
                        v.binaryValue() == null ? null : v.binaryValue().asByteArray()));
            }
            attributes = Map.ofEntries(each);
        }
        Map<Msg.SystemAttribute, String> system = Map.of();
        if (m.hasAttributes()) {
            // By name: the SDK's attributes() converts its whole map to enum keys on every call.
            Map<String, String> received = m.attributesAsStrings();
            system = new EnumMap<>(Msg.SystemAttribute.class);
            for (var s : SYSTEM.entrySet()) {
                String value = received.get(s.getValue().toString());
                if (value != null) {
                    system.put(s.getKey(), value);
                }
            }
        }
        return new Msg(m.messageId(), m.receiptHandle(), m.body(), attributes, system, fingerprint(m));
    }

    public static List<Msg> from(List<Message> messages) {
        List<Msg> out = new ArrayList<>(messages.size());
        messages.forEach(m -> out.add(from(m)));
        return out;
    }

    /** The SendMessageBatch entry that copies this message. */
    public static SendMessageBatchRequestEntry entry(Msg m, String entryId, boolean fifoDestination) {
        var entry = SendMessageBatchRequestEntry.builder().id(entryId).messageBody(m.body());
        if (!m.attributes().isEmpty()) {
            entry.messageAttributes(attributes(m.attributes()));
        }
        String trace = m.attribute(Msg.SystemAttribute.AWS_TRACE_HEADER);
        if (trace != null) {
            entry.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                    MessageSystemAttributeValue.builder().dataType("String").stringValue(trace).build()));
        }
        if (fifoDestination) {
            entry.messageGroupId(m.groupId());
            entry.messageDeduplicationId(MessageCopy.deduplicationId(m));
        }
        return entry.build();
    }

    static List<SendMessageBatchRequestEntry> sends(List<Entry> entries, boolean fifo) {
        return entries.stream().map(e -> entry(e.message(), e.id(), fifo)).toList();
    }

    /**
     * Entry id to the fingerprint of its message as received, for the messages that have one: a copy carries
     * the body and the message attributes as received, so the send's answer must report the same MD5s.
     */
    static Map<String, String> fingerprints(List<Entry> entries) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Entry e : entries) {
            if (e.message().fingerprint() != null) {
                out.put(e.id(), e.message().fingerprint());
            }
        }
        return out;
    }

    static List<DeleteMessageBatchRequestEntry> deletes(List<Entry> entries) {
        return entries.stream().map(e -> DeleteMessageBatchRequestEntry.builder().id(e.id())
                .receiptHandle(e.message().receiptHandle()).build()).toList();
    }

    static List<ChangeMessageVisibilityBatchRequestEntry> visibility(List<Entry> entries, int seconds) {
        return entries.stream().map(e -> ChangeMessageVisibilityBatchRequestEntry.builder().id(e.id())
                .receiptHandle(e.message().receiptHandle()).visibilityTimeout(seconds).build()).toList();
    }

    private static Map<String, MessageAttributeValue> attributes(Map<String, MsgAttribute> attributes) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        attributes.forEach((name, a) -> {
            var v = MessageAttributeValue.builder().dataType(a.dataType());
            if (a.stringValue() != null) {
                v.stringValue(a.stringValue());
            }
            if (a.binaryValue() != null) {
                v.binaryValue(SdkBytes.fromByteArray(a.binaryValue()));
            }
            out.put(name, v.build());
        });
        return out;
    }

    /** SQS's MD5s of the body and the message attributes, sent along with every receive: null without them. */
    private static String fingerprint(Message m) {
        if (m.md5OfBody() == null) {
            return null;
        }
        return MessageMd5.fingerprint(m.md5OfBody(), m.md5OfMessageAttributes());
    }
}
