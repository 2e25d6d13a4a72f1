package dev.sqsredrive.mover.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.sqsredrive.mover.Msg.SystemAttribute;

/**
 * The names a line gives the system attributes: SQS's own, so that a file reads like what ReceiveMessage
 * returned. The order is the order they are written in.
 */
final class SystemNames {

    static final Map<SystemAttribute, String> BY_ATTRIBUTE;
    static final Map<String, SystemAttribute> BY_NAME;
    /** Those SQS gives as a decimal number (in a string), which the mover parses: the filters, the counts. */
    static final Set<SystemAttribute> DECIMAL = Set.of(SystemAttribute.SENT_TIMESTAMP,
            SystemAttribute.APPROXIMATE_RECEIVE_COUNT, SystemAttribute.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
            SystemAttribute.SEQUENCE_NUMBER);

    static {
        Map<SystemAttribute, String> names = new LinkedHashMap<>();
        names.put(SystemAttribute.SENT_TIMESTAMP, "SentTimestamp");
        names.put(SystemAttribute.APPROXIMATE_RECEIVE_COUNT, "ApproximateReceiveCount");
        names.put(SystemAttribute.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "ApproximateFirstReceiveTimestamp");
        names.put(SystemAttribute.AWS_TRACE_HEADER, "AWSTraceHeader");
        names.put(SystemAttribute.MESSAGE_GROUP_ID, "MessageGroupId");
        names.put(SystemAttribute.MESSAGE_DEDUPLICATION_ID, "MessageDeduplicationId");
        names.put(SystemAttribute.SEQUENCE_NUMBER, "SequenceNumber");
        names.put(SystemAttribute.DEAD_LETTER_QUEUE_SOURCE_ARN, "DeadLetterQueueSourceArn");
        Map<String, SystemAttribute> byName = new LinkedHashMap<>();
        names.forEach((attribute, name) -> byName.put(name, attribute));
        BY_ATTRIBUTE = Collections.unmodifiableMap(names);
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private SystemNames() {
    }
}
