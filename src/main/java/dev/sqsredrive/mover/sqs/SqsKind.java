package dev.sqsredrive.mover.sqs;

import java.util.Optional;

import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.mover.QueueKind;

/**
 * SQS queues as a kind: a name, a queue URL or an ARN ({@link QueueRef}). Any word may be a queue name, so
 * this kind recognises every reference and belongs last in a {@link dev.sqsredrive.mover.QueueKinds} chain;
 * a malformed one is QueueRef's usage error, as before.
 */
public final class SqsKind implements QueueKind<QueueRef> {

    public static final SqsKind INSTANCE = new SqsKind();

    private SqsKind() {
    }

    @Override
    public String name() {
        return "SQS queue";
    }

    @Override
    public Optional<QueueRef> parse(String reference) {
        return Optional.of(QueueRef.parse(reference));
    }
}
