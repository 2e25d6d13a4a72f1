package dev.sqsredrive.mover;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.ResolvedQueue;

/** A queue messages are sent to, with what the mover must know of it. */
public record Destination(String url, String arn, boolean fifo, int maxMessageSize) {

    public static Destination of(ResolvedQueue q) {
        return new Destination(q.url(), q.arn(), q.fifo(), q.maximumMessageSize());
    }

    /** Why a message cannot go here, or null. */
    String refusal(Msg m) {
        if (MessageCopy.size(m) > maxMessageSize) {
            return "larger than the " + maxMessageSize + " bytes '" + name() + "' accepts (MaximumMessageSize)";
        }
        if (MessageCopy.attributeCount(m) > MessageCopy.MAX_ATTRIBUTES) {
            return "more than " + MessageCopy.MAX_ATTRIBUTES + " message attributes";
        }
        if (fifo && BrokenGroups.groupOf(m) == null) {
            return "no MessageGroupId, which FIFO queue '" + name() + "' needs";
        }
        return null;
    }

    public String name() {
        return QueueArns.name(arn);
    }
}
