package dev.sqsredrive.mover.guard;

/**
 * How far a DLQ's depth rose above its lowest point: the returned messages of a move this process cannot see
 * message by message. SQS's native task moves the messages, and a consumer that still fails them dead-letters
 * them back, so the DLQ's ApproximateNumberOfMessages falls while the task moves and climbs again as they
 * come back; the climb above the lowest reading counts as returned.
 * <p>
 * Where it is consulted: the native watcher (task/ReturnWatch) feeds it a reading on each poll while the task
 * runs and asks the {@link ReturnBreaker}; the canary may do the same while it waits and holds nothing.
 * An undercount by design: returns that arrive while the task still drains the queue faster are hidden in
 * its fall, and the depth is approximate; it never counts a message that did not arrive.
 */
public final class DepthGrowth {

    private long lowest = Long.MAX_VALUE;
    private long growth;

    /** Takes a reading of the depth; returns the growth so far. */
    public synchronized long read(long depth) {
        lowest = Math.min(lowest, depth);
        growth = Math.max(growth, depth - lowest);
        return growth;
    }

    /** The most the depth rose above the lowest reading before it (0 before any reading). */
    public synchronized long growth() {
        return growth;
    }
}
