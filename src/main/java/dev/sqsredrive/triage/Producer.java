package dev.sqsredrive.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.sqsredrive.mover.FilterTerms;
import dev.sqsredrive.mover.Msg;

/**
 * Who put a message in the DLQ, told by the message attributes that producer records (docs/TRIAGE.md cites
 * AWS's documentation for each), and so what its failure reason is:
 * <ul>
 *   <li>{@link #LAMBDA}: a Lambda function's asynchronous-invocation DLQ sets RequestID, ErrorCode and
 *       ErrorMessage; the reason is ErrorCode and ErrorMessage (RequestID differs for every message).</li>
 *   <li>{@link #EVENTBRIDGE}: an EventBridge target's DLQ sets ERROR_CODE, ERROR_MESSAGE, RULE_ARN, TARGET_ARN,
 *       RETRY_ATTEMPTS, EXHAUSTED_RETRY_CONDITION; the reason is ERROR_CODE and ERROR_MESSAGE.</li>
 *   <li>{@link #QUEUE}: anything else, SQS's own redrive included; grouped by origin queue.</li>
 * </ul>
 * The first that matches wins, in this order. A group's filters exclude the producers before its own that
 * the scan saw, so that each group's filters select exactly it.
 */
enum Producer {
    LAMBDA("ErrorCode", "ErrorMessage"),
    EVENTBRIDGE("ERROR_CODE", "ERROR_MESSAGE"),
    QUEUE(null, null);

    private final String codeAttribute;
    private final String messageAttribute;

    Producer(String codeAttribute, String messageAttribute) {
        this.codeAttribute = codeAttribute;
        this.messageAttribute = messageAttribute;
    }

    static Producer of(Msg m) {
        for (Producer p : values()) {
            if (p.codeAttribute == null || m.attributes().containsKey(p.codeAttribute)) {
                return p;
            }
        }
        return QUEUE;
    }

    /** The reason this producer recorded, or for {@link #QUEUE} the origin queue. */
    Part reason(Msg m) {
        if (this == QUEUE) {
            return GroupKey.originPart("reason", m);
        }
        String code = FilterTerms.attributeValue(m.attributes().get(codeAttribute));
        String message = FilterTerms.attributeValue(m.attributes().get(messageAttribute));
        List<String> filters = List.of("attr:" + codeAttribute + "=" + code, message == null
                ? "!attr:" + messageAttribute : "attr:" + messageAttribute + "=" + message);
        String label = codeAttribute + "=" + code + " " + messageAttribute + "=" + (message == null ? "(none)" : message);
        return new Part("reason", label, label, filters);
    }

    /** Filters that leave out the producers before this one that the scan saw. */
    List<String> exclusions(Set<Producer> seen) {
        List<String> out = new ArrayList<>();
        for (Producer p : values()) {
            if (p == this) {
                break;
            }
            if (seen.contains(p)) {
                out.add("!attr:" + p.codeAttribute);
            }
        }
        return out;
    }

    /** How a person calls it, in the output. */
    String title() {
        return switch (this) {
            case LAMBDA -> "Lambda";
            case EVENTBRIDGE -> "EventBridge";
            case QUEUE -> "queue";
        };
    }
}
