package dev.sqsredrive.task;

import java.util.List;

import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.QueueResolver;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.mover.QueueKinds;
import dev.sqsredrive.mover.sqs.SqsKind;

/**
 * Checks a requested move before anything moves: every rule SQS would enforce is enforced here first,
 * because some endpoints do not (ElasticMQ accepts any rate, and hangs on a non-DLQ source), and because
 * an operator deserves the reason in words rather than an error code.
 */
public final class MovePlanner {

    /** StartMessageMoveTask's bounds for MaxNumberOfMessagesPerSecond. */
    public static final int MIN_NATIVE_RATE = 1;
    public static final int MAX_NATIVE_RATE = 500;

    private final QueueResolver resolver;

    public MovePlanner(QueueResolver resolver) {
        this.resolver = resolver;
    }

    /** The checks that need no AWS call; run first so bad input fails fast and offline. */
    public static void checkInput(String source, String destination, Integer rate) {
        if (rate != null && (rate < MIN_NATIVE_RATE || rate > MAX_NATIVE_RATE)) {
            throw RedriveException.usage("--rate " + rate + " is out of range: a native move task takes "
                    + MIN_NATIVE_RATE + " to " + MAX_NATIVE_RATE + " messages per second (omit it to let SQS choose)");
        }
        checkQueues(source, destination);
    }

    /**
     * The kinds a queue reference is tried against, in order: SQS takes any word (a name), so a kind with a
     * prefix of its own (files, next) goes before it.
     */
    static final QueueKinds KINDS = new QueueKinds(List.of(SqsKind.INSTANCE));

    /** A reference that the chain gives to the SQS kind; another kind's is not yet movable here. */
    static QueueRef sqsQueue(String reference) {
        QueueKinds.Parsed parsed = KINDS.parse(reference);
        return parsed.as(SqsKind.INSTANCE, QueueRef.class).orElseThrow(() -> RedriveException.usage(
                "'" + reference + "' is a " + parsed.kind().name() + ", which this command cannot move yet"));
    }

    /** The checks on source and destination that need no AWS call (any mode). */
    public static void checkQueues(String source, String destination) {
        QueueRef src = sqsQueue(source);
        if (destination != null) {
            QueueRef dst = sqsQueue(destination);
            if (src.input().strip().equals(dst.input().strip())) {
                throw RedriveException.usage("source and destination are the same queue ('" + source + "')");
            }
            if (src.isFifoName() != dst.isFifoName()) {
                throw fifoMismatch(src.name(), src.isFifoName(), dst.name());
            }
        }
    }

    public MovePlan plan(String source, String destination, Integer rate) {
        checkInput(source, destination, rate);
        MovePlan plan = resolve(source, destination, rate);
        checkIsDlq(plan);
        return plan;
    }

    /**
     * Resolves source and destination and the DLQ's source queues, with the checks every mode needs; the
     * plan may name no source queue (fine for the client-side mover, not for a native task).
     */
    public MovePlan resolve(String source, String destination, Integer rate) {
        ResolvedQueue src = resolver.resolve(sqsQueue(source));
        ResolvedQueue dst = destination == null ? null : resolver.resolve(sqsQueue(destination));
        if (dst != null && src.arn().equals(dst.arn())) {
            throw RedriveException.usage("source and destination are the same queue (" + src.arn() + ")");
        }
        if (dst != null && src.fifo() != dst.fifo()) {
            throw fifoMismatch(src.name(), src.fifo(), dst.name());
        }
        return new MovePlan(src, dst, rate, resolver.sourcesOf(src));
    }

    /** A native move task needs a DLQ: some queue's RedrivePolicy must name it. */
    public static void checkIsDlq(MovePlan plan) {
        if (plan.sourceUrls().isEmpty()) {
            throw RedriveException.usage("'" + plan.source().name() + "' is not a dead-letter queue: no queue names"
                    + " it in its RedrivePolicy ('redrive list' shows the DLQs of this region)");
        }
    }

    private static RedriveException fifoMismatch(String source, boolean sourceFifo, String destination) {
        return RedriveException.usage("'" + source + "' is " + (sourceFifo ? "a FIFO" : "a standard") + " queue but '"
                + destination + "' is " + (sourceFifo ? "standard" : "FIFO")
                + ": messages can only move between queues of the same type");
    }
}
