package dev.sqsredrive.mover.sqs;

import java.util.List;

import dev.sqsredrive.mover.BatchResult;
import dev.sqsredrive.mover.Entry;
import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.Source;

/** A queue as a {@link Source}: ReceiveMessage, ChangeMessageVisibilityBatch, DeleteMessageBatch. */
final class SqsSource implements Source {

    private final QueueOps ops;
    private final String queueUrl;

    SqsSource(QueueOps ops, String queueUrl) {
        this.ops = ops;
        this.queueUrl = queueUrl;
    }

    @Override
    public List<Msg> receive(int max, int waitSeconds, int visibilitySeconds) {
        return SqsMessages.from(ops.receive(queueUrl, max, waitSeconds, visibilitySeconds));
    }

    @Override
    public BatchResult keepHidden(List<Entry> entries, int seconds) {
        return ops.changeVisibility(queueUrl, SqsMessages.visibility(entries, seconds));
    }

    @Override
    public BatchResult delete(List<Entry> entries) {
        return ops.delete(queueUrl, SqsMessages.deletes(entries));
    }

    @Override
    public long approximateMessages() {
        return ops.approximateMessages(queueUrl);
    }

    @Override
    public String endpoint() {
        return ops.endpoint(queueUrl);
    }
}
