package dev.sqsredrive.mover.guard;

/**
 * How many moved messages came back to a DLQ, estimated from its depth: for a move this process cannot see
 * message by message (SQS's native task), or while it holds nothing (the canary's wait). A consumer that still
 * fails the messages dead-letters them back, so the DLQ's ApproximateNumberOfMessages falls by what moved and
 * climbs by what returned. Two readings of that, and the larger counts:
 * <ul>
 * <li>the climb above the lowest depth seen: returns once the move slowed or ended;</li>
 * <li>the depth above what the move should have left (the first reading plus what had moved by then, less
 *     what has moved since): returns that arrive as fast as the move drains, which keep the depth flat and
 *     show no climb at all (seen against ElasticMQ with a consumer failing every message at once).</li>
 * </ul>
 * Both undercount rather than overcount: messages the move holds in flight are not visible, and a lagging
 * moved count hides returns. New failures of the consumer's own traffic count too: they are the same signal.
 * <p>
 * Where it is consulted: the native watcher (task/ReturnWatch) reads it on each poll while the task runs, with
 * the task's moved count, and asks the {@link ReturnBreaker}; the canary may do the same while it waits.
 */
public final class DepthGrowth {

    private long lowest = Long.MAX_VALUE;
    private long expectedAtStart = -1;
    private long growth;

    /**
     * Takes a reading; returns the returns counted so far (never less than at an earlier reading).
     *
     * @param depth the DLQ's visible messages now
     * @param moved what the move had moved when the depth was read
     */
    public synchronized long read(long depth, long moved) {
        if (expectedAtStart < 0) {
            expectedAtStart = depth + moved;
        }
        lowest = Math.min(lowest, depth);
        growth = Math.max(growth, Math.max(depth - lowest, depth + moved - expectedAtStart));
        return growth;
    }

    /** The returns counted so far (0 before any reading). */
    public synchronized long growth() {
        return growth;
    }
}
