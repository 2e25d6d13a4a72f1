package dev.sqsredrive.mover;

import java.util.Map;

/**
 * A message as the mover sees it, whatever kind of queue it came from: the SQS kind maps the SDK's
 * {@code Message} to this and back, so nothing in the mover but that kind knows the SDK.
 *
 * @param id            the MessageId the source gave it: stable while it stays in the source
 * @param receiptHandle what deletes it or changes its visibility; new with every receive
 * @param body          the body, as received
 * @param attributes    the message attributes, by name, every data type kept as received
 * @param system        the system attributes the mover reads or carries over
 * @param fingerprint   what the source says identifies its content (SQS: the MD5s of body and attributes it
 *                      sends along, so it costs nothing, checked on receive), the same for a dead-lettered
 *                      copy of it, and what a send of it unchanged must be answered with (so the send's
 *                      answer is checked without hashing it again: aws/Md5Checks); null when the source gives
 *                      none or the content was changed
 */
public record Msg(String id, String receiptHandle, String body, Map<String, MsgAttribute> attributes,
                  Map<SystemAttribute, String> system, String fingerprint) {

    /**
     * The system attributes the mover reads (routing, filters, FIFO), carries over (the trace header) or keeps
     * in an exported file (the rest). Only the trace header may be sent on: SQS sets the others itself.
     */
    public enum SystemAttribute {
        MESSAGE_GROUP_ID, MESSAGE_DEDUPLICATION_ID, AWS_TRACE_HEADER, DEAD_LETTER_QUEUE_SOURCE_ARN,
        SENT_TIMESTAMP, APPROXIMATE_RECEIVE_COUNT, APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, SEQUENCE_NUMBER
    }

    /** A message whose source gives no fingerprint. */
    public Msg(String id, String receiptHandle, String body, Map<String, MsgAttribute> attributes,
               Map<SystemAttribute, String> system) {
        this(id, receiptHandle, body, attributes, system, null);
    }

    public Msg {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        system = system == null || system.isEmpty() ? Map.of() : Map.copyOf(system);
    }

    /** A message with a body only (tests, and kinds whose messages carry nothing else). */
    public static Msg of(String id, String receiptHandle, String body) {
        return new Msg(id, receiptHandle, body, Map.of(), Map.of());
    }

    public String attribute(SystemAttribute name) {
        return system.get(name);
    }

    /** The FIFO group, or null for a standard queue's message. */
    public String groupId() {
        return system.get(SystemAttribute.MESSAGE_GROUP_ID);
    }

    public Msg withReceiptHandle(String handle) {
        return new Msg(id, handle, body, attributes, system, fingerprint);
    }

    public Msg withId(String newId) {
        return new Msg(newId, receiptHandle, body, attributes, system, fingerprint);
    }

    public Msg withAttributes(Map<String, MsgAttribute> newAttributes) {
        return new Msg(id, receiptHandle, body, newAttributes, system);
    }

    public Msg withSystem(Map<SystemAttribute, String> newSystem) {
        return new Msg(id, receiptHandle, body, attributes, newSystem, fingerprint);
    }
}
