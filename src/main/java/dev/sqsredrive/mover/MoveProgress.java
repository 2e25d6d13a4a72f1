package dev.sqsredrive.mover;

import java.time.Duration;

/**
 * A snapshot of a running move, for progress views and the task record.
 *
 * @param moved   messages delivered (and deleted, unless --copy); in a dry run, messages that would move
 * @param failed  messages that could not be moved and stay in the DLQ
 * @param skipped messages a --filter left in place
 * @param toMove  about how many there were to move, when known
 */
public record MoveProgress(long moved, long failed, long skipped, Long toMove, Duration elapsed) {

    /** Messages per second since the start. */
    public double achievedRate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : moved / seconds;
    }
}
