package dev.sqsredrive.task;

import java.time.Instant;

/**
 * One move task, native or client-side, as list and watch show it. Counts are approximate for native
 * tasks (SQS says so, and they lag even after COMPLETED).
 *
 * @param taskHandle     the handle; SQS returns it only while a native task is RUNNING, so it may be null
 * @param kind           who moves the messages
 * @param destinationArn null when each message returns to its own origin
 * @param rate           messages per second asked for; null means as fast as the queues allow
 * @param toMove         null when not (yet) known
 * @param failureReason  null unless FAILED
 * @param returned       moved messages that came back to the DLQ and stay there (one pass); 0 for a native task
 */
public record MoveTask(String taskHandle, Kind kind, TaskStatus status, String sourceArn, String destinationArn,
                       Double rate, long moved, Long toMove, String failureReason, Instant startedAt, long returned) {

    /** A task none of whose moved messages came back (every native task: SQS does not tell). */
    public MoveTask(String taskHandle, Kind kind, TaskStatus status, String sourceArn, String destinationArn,
                    Double rate, long moved, Long toMove, String failureReason, Instant startedAt) {
        this(taskHandle, kind, status, sourceArn, destinationArn, rate, moved, toMove, failureReason, startedAt, 0);
    }

    /** Who does the moving. */
    public enum Kind { NATIVE, CLIENT }

    public MoveTask withHandle(String handle) {
        return new MoveTask(handle, kind, status, sourceArn, destinationArn, rate, moved, toMove, failureReason,
                startedAt, returned);
    }
}
