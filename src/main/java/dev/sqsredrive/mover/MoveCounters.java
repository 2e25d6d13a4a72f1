package dev.sqsredrive.mover;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The running counts of a move, updated by every worker. */
final class MoveCounters {

    final AtomicLong moved = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong duplicatesPossible = new AtomicLong();
    final AtomicLong resumedDeletes = new AtomicLong();
    final AtomicLong undeleted = new AtomicLong();
    /** Delivered, but a record that had to follow failed (the archive): still in the DLQ, their send open. */
    final AtomicLong unrecorded = new AtomicLong();
    /** Moved by this run (or the one it resumes) and received again: back in the DLQ, not moved again. */
    final AtomicLong returned = new AtomicLong();
    /** Deleted from the DLQ: what its depth fell by, for the canary's reading of it. */
    final AtomicLong deleted = new AtomicLong();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    void fail(String reason, int count) {
        failed.addAndGet(count);
        failures.computeIfAbsent(reason, r -> new LongAdder()).add(count);
    }

    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
