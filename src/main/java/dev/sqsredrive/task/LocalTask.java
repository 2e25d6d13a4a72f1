package dev.sqsredrive.task;

import java.time.Instant;

/**
 * What this machine remembers of a task: the task as last seen, whether a cancel was asked for, and for
 * a client-side task the process that runs it, by pid and start stamp, and when it last refreshed the record
 * (so a dead mover, or a pid reused by another process, is told apart from a running one).
 */
public record LocalTask(MoveTask task, boolean cancelRequested, Long pid, String pidStart, Instant updatedAt) {

    /** A record without a process's start stamp (a native task's, or one written before stamps). */
    public LocalTask(MoveTask task, boolean cancelRequested, Long pid, Instant updatedAt) {
        this(task, cancelRequested, pid, null, updatedAt);
    }

    public LocalTask withTask(MoveTask t, Instant now) {
        return new LocalTask(t, cancelRequested, pid, pidStart, now);
    }

    public LocalTask withCancelRequested(Instant now) {
        return new LocalTask(task, true, pid, pidStart, now);
    }
}
