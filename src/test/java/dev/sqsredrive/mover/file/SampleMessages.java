package dev.sqsredrive.mover.file;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;

/** Messages that use every part of the line format, for the codec, schema and file tests. */
final class SampleMessages {

    static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq.fifo";
    static final Instant NOW = Instant.parse("2026-12-02T10:15:30.123Z");

    private SampleMessages() {
    }

    static byte[] everyByte() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** Every attribute type (custom ones too), every system attribute, FIFO fields, an emoji body. */
    static Msg full() {
        Map<String, MsgAttribute> attributes = new LinkedHashMap<>();
        attributes.put("s", MsgAttribute.string("String", "héllo \"quoted\"\n"));
        attributes.put("n", MsgAttribute.string("Number", "-12.5e3"));
        attributes.put("b", new MsgAttribute("Binary", null, everyByte()));
        attributes.put("f", MsgAttribute.string("Number.float", "3.14"));
        attributes.put("png", new MsgAttribute("Binary.png", null, new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        attributes.put("x", MsgAttribute.string("String.x", "custom"));
        Map<Msg.SystemAttribute, String> system = new EnumMap<>(Msg.SystemAttribute.class);
        system.put(Msg.SystemAttribute.SENT_TIMESTAMP, "1764670530123");
        system.put(Msg.SystemAttribute.APPROXIMATE_RECEIVE_COUNT, "4");
        system.put(Msg.SystemAttribute.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "1764670531000");
        system.put(Msg.SystemAttribute.AWS_TRACE_HEADER, "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        system.put(Msg.SystemAttribute.MESSAGE_GROUP_ID, "customer-42");
        system.put(Msg.SystemAttribute.MESSAGE_DEDUPLICATION_ID, "order-7");
        system.put(Msg.SystemAttribute.SEQUENCE_NUMBER, "18849496460467696128");
        system.put(Msg.SystemAttribute.DEAD_LETTER_QUEUE_SOURCE_ARN, "arn:aws:sqs:eu-west-1:123456789012:orders.fifo");
        return new Msg("5fea7756-0ea4-451a-a703-a558b933e274", null, "{\"order\":7,\"note\":\"😀 ünïcode\"}",
                attributes, system);
    }

    static Msg body(String id, String body) {
        return Msg.of(id, null, body);
    }

    static String line(int i) {
        return MessageLines.encode(body("m-" + i, "body " + i), QUEUE, NOW);
    }
}
