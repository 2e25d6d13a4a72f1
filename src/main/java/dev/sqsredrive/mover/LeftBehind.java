package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.function.LongSupplier;

import dev.sqsredrive.time.Sleeper;

/**
 * What a run that drained the DLQ left in it without moving: the DLQ's count (visible plus in flight) minus
 * what this run itself still holds (left by a filter, failed, copied, or a dry run's) and minus what it
 * delivered but could not delete. Such messages were in flight elsewhere (another consumer's, an earlier
 * run's, or taken by a receive whose answer was lost) or became visible after the last empty receive.
 * <p>
 * The count is SQS's approximate one: exact on ElasticMQ, but on AWS it may still include messages deleted
 * a moment ago, so it is read again while it keeps falling, a few seconds at most.
 *
 * @param count          how many, or null when the DLQ could not be counted
 * @param unknownBecause why it could not be counted, else null
 */
public record LeftBehind(Long count, String unknownBecause, String cause) {

    public static final LeftBehind NONE = new LeftBehind(0L, null);

    public LeftBehind(Long count, String unknownBecause) {
        this(count, unknownBecause, null);
    }

    /**
     * The same count, said with its known cause: a FIFO DLQ hands out no more of a group while earlier messages
     * of it are hidden, and a --copy run keeps what it copied hidden to the end (or it would copy it again), so
     * it can copy at most one receive of each group.
     */
    LeftBehind copiedFifo() {
        return count == null || count == 0 ? this : new LeftBehind(count, unknownBecause,
                "a FIFO queue hands out no more of a group while its first messages are held, and --copy holds"
                        + " what it copied until it ends: move them instead (an export without --copy, then an"
                        + " import, leaves a copy in the file)");
    }

    static final int MAX_READS = 5;
    static final int ATTEMPTS_PER_READ = 3;
    static final Duration BETWEEN_READS = Duration.ofSeconds(1);

    /** True when selected messages may still be in the DLQ: some were counted, or none could be. */
    public boolean any() {
        return count == null || count > 0;
    }

    /**
     * One line that says how many and why, for the summary and the task's record; null when nothing was left.
     *
     * @param dryRun true for a dry run, which moves nothing by design: what it left is what it did not see
     */
    public String describe(boolean dryRun) {
        if (count == null) {
            return "could not count what the DLQ still holds (" + unknownBecause + "): selected messages may"
                    + " still be in it; run the same command again to move them";
        }
        if (count == 0) {
            return null;
        }
        if (cause != null) {
            return "about " + count + " message(s) still in the DLQ, not copied: " + cause;
        }
        return "about " + count + " message(s) still in the DLQ, " + (dryRun ? "not seen by this dry run" : "not moved")
                + ": in flight elsewhere (held by another consumer or an earlier run, or taken by a receive whose"
                + " answer was lost) or visible again after the last receive; run the same command again once they"
                + " are visible (the count is SQS's approximate one)";
    }

    /**
     * Counts what is left.
     *
     * @param queueHolds   the DLQ's ApproximateNumberOfMessages plus ApproximateNumberOfMessagesNotVisible
     * @param thisRunHolds what this run holds (hidden by its own receive) and has accounted for
     * @param undeleted    delivered, delete failed: in the DLQ, but reported on their own
     * @param failures     what a failed count means (retry it, or say why it could not be counted)
     */
    static LeftBehind count(LongSupplier queueHolds, long thisRunHolds, long undeleted, Sleeper sleeper,
                            CallFailures failures) throws InterruptedException {
        long left;
        try {
            left = read(queueHolds, sleeper, failures);
            for (int read = 1; read < MAX_READS && left - thisRunHolds - undeleted > 0; read++) {
                sleeper.sleep(BETWEEN_READS);
                long again = read(queueHolds, sleeper, failures);
                if (again >= left) {
                    break; // not falling: not a count catching up with deletes
                }
                left = again;
            }
        } catch (RuntimeException e) {
            if (failures.classify(e) == null) {
                throw e;
            }
            return new LeftBehind(null, failures.describe(e, "counting the DLQ's messages"));
        }
        return new LeftBehind(Math.max(0, left - thisRunHolds - undeleted), null);
    }

    /** The mover's clients do not retry on their own; a throttled or failed count is tried again. */
    private static long read(LongSupplier queueHolds, Sleeper sleeper, CallFailures failures)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return queueHolds.getAsLong();
            } catch (RuntimeException e) {
                CallFailure failure = failures.classify(e);
                if (failure == null || attempt >= ATTEMPTS_PER_READ || !failure.retryable()) {
                    throw e;
                }
                sleeper.sleep(Retry.backoff(attempt));
            }
        }
    }
}
