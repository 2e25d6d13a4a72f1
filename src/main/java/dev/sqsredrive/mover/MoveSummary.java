package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.Map;

/**
 * How a client-side move ended.
 *
 * @param outcome    how it ended
 * @param counts     what became of the messages
 * @param timing     how long it took
 * @param leftBehind what a run that drained the DLQ left in it, not moved and not accounted for
 *                   in the counts (in flight elsewhere, ...); {@link LeftBehind#NONE} when it did not drain
 * @param error      the error that stopped the run (outcome FAILED by error), else null
 * @param dryRun     the dry run's report, else null
 * @param copy       a --copy run: what it delivered was copied, not moved (the DLQ keeps it)
 */
public record MoveSummary(Outcome outcome, Counts counts, Timing timing, LeftBehind leftBehind, String error,
                          DryRunReport dryRun, boolean copy) {

    /** A move (not --copy). */
    public MoveSummary(Outcome outcome, Counts counts, Timing timing, LeftBehind leftBehind, String error,
                       DryRunReport dryRun) {
        this(outcome, counts, timing, leftBehind, error, dryRun, false);
    }

    /**
     * What became of the messages.
     *
     * @param moved              delivered (and deleted unless --copy), each message once however often its
     *                           delete was tried; in a dry run, would move
     * @param skipped            left in place by a --filter
     * @param duplicatesPossible delivered messages that may have been delivered twice (a send whose answer
     *                           was lost, then retried; or a resend of what a killed run or a lost answer may
     *                           have delivered; standard queues only). A throttled or refused send is no
     *                           delivery
     * @param resumedDeletes     of moved: sent by an earlier run (journal), only deleted by this one
     * @param undeleted          delivered but their delete failed; they stay in the journal, and the next run
     *                           on this DLQ deletes them without sending them again
     * @param failures           why messages could not be moved (they stay in the DLQ), with how many
     * @param returned           moved by this run (or the run it resumed) and back in the DLQ: left there,
     *                           not moved again (one pass)
     * @param unrecorded         of moved: delivered, then the archive could not be written, so they stay in the
     *                           DLQ with their send open in the journal; the next run on this DLQ sends them
     *                           again (the archive gets them) and counts each as a possible duplicate
     */
    public record Counts(long moved, long skipped, long duplicatesPossible, long resumedDeletes, long undeleted,
                         Map<String, Long> failures, long returned, long unrecorded) {

        public Counts(long moved, long skipped, long duplicatesPossible, long resumedDeletes, long undeleted,
                      Map<String, Long> failures, long returned) {
            this(moved, skipped, duplicatesPossible, resumedDeletes, undeleted, failures, returned, 0);
        }

        public Counts(long moved, long skipped, long duplicatesPossible, long resumedDeletes, long undeleted,
                      Map<String, Long> failures) {
            this(moved, skipped, duplicatesPossible, resumedDeletes, undeleted, failures, 0);
        }

        public static Counts moved(long moved) {
            return new Counts(moved, 0, 0, 0, 0, Map.of());
        }

        /** Could not be moved; they stay in the DLQ (see failures). */
        public long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param elapsed from the start to the end
     * @param active  from the start to the last message moved: what the achieved rate is measured over (the
     *                final empty receives that tell the DLQ is drained are not moving)
     */
    /**
     * @param elapsed from start to end
     * @param active  from start to the last message moved
     * @param workers the workers at the end, with the most at once; null when not told
     */
    public record Timing(Duration elapsed, Duration active, Concurrency workers) {

        public static final Timing NONE = new Timing(Duration.ZERO, Duration.ZERO);

        public Timing(Duration elapsed, Duration active) {
            this(elapsed, active, null);
        }
    }

    public long moved() {
        return counts.moved();
    }

    public long failed() {
        return counts.failed();
    }

    public long skipped() {
        return counts.skipped();
    }

    public long duplicatesPossible() {
        return counts.duplicatesPossible();
    }

    public long returned() {
        return counts.returned();
    }

    public long resumedDeletes() {
        return counts.resumedDeletes();
    }

    public long undeleted() {
        return counts.undeleted();
    }

    public long unrecorded() {
        return counts.unrecorded();
    }

    public Map<String, Long> failures() {
        return counts.failures();
    }

    public Duration elapsed() {
        return timing.elapsed();
    }

    public Duration active() {
        return timing.active();
    }

    /**
     * How a move ended. INCOMPLETE: it drained what it could, moved or accounted for every message it saw,
     * yet selected messages are still in the DLQ (see {@link #leftBehind}); nothing was lost.
     */
    public enum Outcome { COMPLETED, INCOMPLETE, FAILED, CANCELLED, INTERRUPTED }

    /**
     * A stop asked for wins; then a message that could not be moved (FAILED); then selected messages left
     * in the DLQ (INCOMPLETE). A run stopped by --limit is COMPLETED whatever the DLQ still holds.
     */
    static Outcome outcome(StopReason stop, boolean failed, LeftBehind left) {
        if (stop == StopReason.CANCELLED) {
            return Outcome.CANCELLED;
        }
        if (stop == StopReason.INTERRUPTED) {
            return Outcome.INTERRUPTED;
        }
        if (failed) {
            return Outcome.FAILED;
        }
        return left.any() ? Outcome.INCOMPLETE : Outcome.COMPLETED;
    }

    /** Messages per second while moving. */
    public double achievedRate() {
        double seconds = active().toNanos() / 1e9;
        return seconds <= 0 ? 0 : moved() / seconds;
    }
}
