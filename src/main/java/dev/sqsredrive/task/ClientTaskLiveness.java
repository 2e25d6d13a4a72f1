package dev.sqsredrive.task;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a client-side task's mover still runs, decided in this one place (docs/STATE.md): its record must
 * name a live process that is the one that wrote it (pid and start time, {@link MoverProcess}), and the mover
 * must have refreshed the record within {@link #STALE}: it does so at least every {@link #HEARTBEAT}. Else
 * the task is reported FAILED with the way to resume, rather than RUNNING forever; a live mover asked to
 * cancel is CANCELLING until it writes its end.
 */
final class ClientTaskLiveness {

    /** How often a running mover rewrites its record even when nothing changed. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /**
     * A record not refreshed for this long is not running: twelve missed heartbeats, far beyond a loaded
     * machine's delays, and beyond the end of a run (counting what is left, releasing), which does not tick.
     */
    static final Duration STALE = Duration.ofSeconds(60);

    private ClientTaskLiveness() {
    }

    static MoveTask check(LocalTask record, Instant now) {
        MoveTask t = record.task();
        if (t.status().terminal() || record.pid() == null) {
            return t;
        }
        String why = notRunning(record, now);
        if (why == null) {
            return record.cancelRequested() ? withStatus(t, TaskStatus.CANCELLING) : t;
        }
        return new MoveTask(t.taskHandle(), t.kind(), TaskStatus.FAILED, t.sourceArn(), t.destinationArn(), t.rate(),
                t.moved(), t.toMove(), why + "; resume with 'redrive start --resume " + t.taskHandle() + "'",
                t.startedAt(), t.returned());
    }

    /** Whether the task's mover is still at work (running, or stopping after a cancel). */
    static boolean moving(LocalTask record, Instant now) {
        return !check(record, now).status().terminal();
    }

    /** Why the record's mover is not running, or null when it is. */
    private static String notRunning(LocalTask record, Instant now) {
        if (!MoverProcess.alive(record.pid(), record.pidStart())) {
            return "mover process " + record.pid() + " ended without finishing";
        }
        if (record.updatedAt() != null && record.updatedAt().plus(STALE).isBefore(now)) {
            return "mover process " + record.pid() + " stopped refreshing its record at " + record.updatedAt()
                    + " (more than " + STALE.toSeconds() + " s ago)";
        }
        return null;
    }

    private static MoveTask withStatus(MoveTask t, TaskStatus status) {
        return new MoveTask(t.taskHandle(), t.kind(), status, t.sourceArn(), t.destinationArn(), t.rate(),
                t.moved(), t.toMove(), t.failureReason(), t.startedAt(), t.returned());
    }
}
