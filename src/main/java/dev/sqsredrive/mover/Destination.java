package dev.sqsredrive.mover;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.ResolvedQueue;

/** A queue messages are sent to, with what the mover must know of it. */
public record Destination(String url, String arn, boolean fifo, int maxMessageSize) {

    public static Destination of(ResolvedQueue q) {
        return new Destination(q.url(), q.arn(), q.fifo(), q.maximumMessageSize());
    }

    public String name() {
        return QueueArns.name(arn);
    }
}
