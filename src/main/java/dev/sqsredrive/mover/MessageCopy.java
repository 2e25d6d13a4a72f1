package dev.sqsredrive.mover;

import java.util.Map;


/**
 * What a moved message carries over: its body, every message attribute as received (any data type,
 * binary and custom types included), and AWSTraceHeader, the only system attribute SQS lets a sender set.
 * For a FIFO destination also its MessageGroupId and a deduplication id that is the same on every
 * attempt and unique to the DLQ message (its MessageId), so a resend within SQS's five-minute window is
 * dropped but two different messages never are. (How a kind of queue writes the copy is its own:
 * {@code sqs.SqsMessages} for SQS.)
 */
public final class MessageCopy {

    /** SQS refuses a message with more message attributes than this. */
    public static final int MAX_ATTRIBUTES = 10;

    private MessageCopy() {
    }

    /**
     * The DLQ message's MessageId: SQS keeps it while the message stays in the DLQ, so every attempt (and a
     * resend after a crash) carries the same id. Not the message's own deduplication id: two different
     * messages in a DLQ can share one (sent more than five minutes apart, or equal bodies under content-based
     * deduplication), and the destination would drop the second while answering success.
     */
    public static String deduplicationId(Msg m) {
        return m.id();
    }

    /** The size SQS counts against MaximumMessageSize: the body plus each attribute's name, type and value. */
    public static long size(Msg m) {
        long size = utf8(m.body());
        for (Map.Entry<String, MsgAttribute> a : m.attributes().entrySet()) {
            size += utf8(a.getKey()) + utf8(a.getValue().dataType()) + valueSize(a.getValue());
        }
        return size;
    }

    public static int attributeCount(Msg m) {
        return m.attributes().size();
    }

    private static long valueSize(MsgAttribute v) {
        long size = utf8(v.stringValue());
        if (v.binaryValue() != null) {
            size += v.binaryValue().length;
        }
        return size;
    }

    /** Its length in UTF-8, counted without encoding it: every message's size is taken, and a copy is garbage. */
    public static long utf8(String s) {
        if (s == null) {
            return 0;
        }
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++; // a lone surrogate: String.getBytes writes '?' (SQS refuses the message anyway)
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
