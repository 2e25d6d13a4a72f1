package dev.sqsredrive.task;

import java.time.Instant;

/**
 * What this machine remembers of a task: the task as last seen, whether a cancel was asked for, and for
 * a client-side task the process that runs it (so a dead mover is told apart from a running one).
 */
public record LocalTask(MoveTask task, boolean cancelRequested, Long pid, Instant updatedAt) {

    public LocalTask withTask(MoveTask t, Instant now) {
        return new LocalTask(t, cancelRequested, pid, now);
    }

    public LocalTask withCancelRequested(Instant now) {
        return new LocalTask(task, true, pid, now);
    }
}
