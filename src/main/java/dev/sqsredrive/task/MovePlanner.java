package dev.sqsredrive.task;

import java.util.List;

import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.QueueResolver;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.mover.QueueKinds;
import dev.sqsredrive.mover.file.FileKind;
import dev.sqsredrive.mover.file.FileQueues;
import dev.sqsredrive.mover.file.FileRef;
import dev.sqsredrive.mover.file.MessageFileWriter;
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
     * The kinds a queue reference is tried against, in order: SQS takes any word (a name), so files, with a
     * prefix of their own, go before it.
     */
    static final QueueKinds KINDS = new QueueKinds(List.of(FileKind.INSTANCE, SqsKind.INSTANCE));

    /** A reference parsed: a file's, or else an SQS queue's. */
    private record Ref(FileRef file, QueueRef queue) {

        static Ref of(String reference) {
            QueueKinds.Parsed parsed = KINDS.parse(reference);
            return new Ref(parsed.as(FileKind.INSTANCE, FileRef.class).orElse(null),
                    parsed.as(SqsKind.INSTANCE, QueueRef.class).orElse(null));
        }

        String typed() {
            return file != null ? file.address() : queue.input().strip();
        }
    }

    /** Whether a reference (as typed) names a file rather than an SQS queue. */
    public static boolean isFile(String reference) {
        return reference != null && Ref.of(reference).file() != null;
    }

    /** Whether a reference (as typed) is file:-, standard output. */
    public static boolean isStdout(String reference) {
        return isFile(reference) && Ref.of(reference).file().stdout();
    }

    /** The checks on source and destination that need no AWS call (any mode). */
    public static void checkQueues(String source, String destination) {
        Ref src = Ref.of(source);
        if (src.file() != null && src.file().stdout()) {
            throw RedriveException.usage("file:- is standard output, which can only be written: import from a"
                    + " file:PATH");
        }
        if (destination == null) {
            return;
        }
        Ref dst = Ref.of(destination);
        if (src.typed().equals(dst.typed())) {
            throw RedriveException.usage("source and destination are the same queue ('" + source + "')");
        }
        if (src.file() != null && dst.file() != null) {
            throw RedriveException.usage("both SOURCE and --to are files: one side of a move is an SQS queue (copy"
                    + " the file instead)");
        }
        if (src.queue() != null && dst.queue() != null && src.queue().isFifoName() != dst.queue().isFifoName()) {
            throw fifoMismatch(src.queue().name(), src.queue().isFifoName(), dst.queue().name());
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
        return resolve(source, destination, rate, MessageFileWriter.Existing.REFUSE);
    }

    /**
     * As above; {@code existing} says what to do when an export's file exists (REFUSE unless --append or
     * --force, APPEND for a resumed export).
     */
    public MovePlan resolve(String source, String destination, Integer rate, MessageFileWriter.Existing existing) {
        Ref s = Ref.of(source);
        Ref d = destination == null ? null : Ref.of(destination);
        ResolvedQueue src = s.file() != null ? FileQueues.source(s.file()) : resolver.resolve(s.queue());
        ResolvedQueue dst = d == null ? null : d.file() != null ? FileQueues.destination(d.file(), existing, "--to")
                : resolver.resolve(d.queue());
        if (dst != null && src.arn().equals(dst.arn())) {
            throw RedriveException.usage("source and destination are the same queue (" + src.arn() + ")");
        }
        boolean files = s.file() != null || d != null && d.file() != null;
        if (dst != null && !files && src.fifo() != dst.fifo()) {
            throw fifoMismatch(src.name(), src.fifo(), dst.name());
        }
        return new MovePlan(src, dst, rate, s.file() != null ? List.of() : resolver.sourcesOf(src));
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
