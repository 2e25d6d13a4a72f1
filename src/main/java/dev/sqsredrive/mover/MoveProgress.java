package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of a running move, for progress views and the task record.
 *
 * @param moved   messages delivered (and deleted, unless --copy); in a dry run, messages that would move
 * @param failed  messages that could not be moved and stay in the DLQ
 * @param skipped messages a --filter left in place
 * @param toMove  about how many there were to move, when known
 * @param returned moved messages that came back to the DLQ (one pass: left there)
 * @param guards  what the guards hold the run for right now, one line each (the canary's wait, the
 *                backpressure's pause); empty when nothing holds it
 * @param workers  the workers now (an adaptive number changes as the run goes); null when not told
 */
public record MoveProgress(long moved, long failed, long skipped, Long toMove, Duration elapsed, long returned,
                           List<String> guards, Concurrency workers) {

    public MoveProgress {
        guards = List.copyOf(guards);
    }

    /** Without the workers. */
    public MoveProgress(long moved, long failed, long skipped, Long toMove, Duration elapsed, long returned,
                        List<String> guards) {
        this(moved, failed, skipped, toMove, elapsed, returned, guards, null);
    }

    /** A run without returns or guards holding it. */
    public MoveProgress(long moved, long failed, long skipped, Long toMove, Duration elapsed) {
        this(moved, failed, skipped, toMove, elapsed, 0, List.of());
    }

    /** Messages per second since the start. */
    public double achievedRate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : moved / seconds;
    }
}
