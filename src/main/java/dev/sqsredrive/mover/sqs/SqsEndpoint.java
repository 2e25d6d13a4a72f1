package dev.sqsredrive.mover.sqs;

import java.time.Duration;

import dev.sqsredrive.mover.CallFailures;
import dev.sqsredrive.mover.Destination;
import dev.sqsredrive.mover.QueueEndpoint;
import dev.sqsredrive.mover.Sink;
import dev.sqsredrive.mover.Source;

/** SQS queues as the mover's sources and sinks, through {@link QueueOps} (the SDK, or a test's script). */
public final class SqsEndpoint implements QueueEndpoint {

    private final QueueOps ops;

    public SqsEndpoint(QueueOps ops) {
        this.ops = ops;
    }

    @Override
    public Source source(String queueUrl) {
        return new SqsSource(ops, queueUrl);
    }

    @Override
    public Sink sink(Destination destination) {
        return new SqsSink(ops, destination);
    }

    @Override
    public CallFailures failures() {
        return SqsFailures.INSTANCE;
    }

    @Override
    public Duration attemptTimeout() {
        return ops.attemptTimeout();
    }
}
