package dev.sqsredrive.mover.sqs;

import java.util.List;

import dev.sqsredrive.mover.BatchResult;
import dev.sqsredrive.mover.Destination;
import dev.sqsredrive.mover.Entry;
import dev.sqsredrive.mover.Sink;

/** A queue as a {@link Sink}: SendMessageBatch, with the FIFO fields when the destination is FIFO. */
final class SqsSink implements Sink {

    private final QueueOps ops;
    private final Destination destination;

    SqsSink(QueueOps ops, Destination destination) {
        this.ops = ops;
        this.destination = destination;
    }

    @Override
    public BatchResult send(List<Entry> entries) {
        return ops.send(destination.url(), SqsMessages.sends(entries, destination.fifo()),
                SqsMessages.fingerprints(entries));
    }

    @Override
    public long visibleDepth() {
        return ops.visibleMessages(destination.url());
    }

    @Override
    public String endpoint() {
        return ops.endpoint(destination.url());
    }
}
