package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.Map;

/**
 * How a client-side move ended.
 *
 * @param outcome            how it ended
 * @param moved              delivered (and deleted unless --copy), each message once however often its
 *                           delete was tried; in a dry run, would move
 * @param failed             could not be moved; they stay in the DLQ (see failures)
 * @param skipped            left in place by a --filter
 * @param duplicatesPossible delivered messages that may have been delivered twice (a send whose answer
 *                           was lost, then retried; or a resend of what a killed run or a lost answer may
 *                           have delivered; standard queues only). A throttled or refused send is no
 *                           delivery
 * @param resumedDeletes     of moved: sent by an earlier run (journal), only deleted by this one
 * @param undeleted          delivered but their delete failed; they stay in the journal, and the next run
 *                           on this DLQ deletes them without sending them again
 * @param active             from the start to the last message moved: what the achieved rate is measured
 *                           over (the final empty receives that tell the DLQ is drained are not moving)
 * @param leftBehind         what a run that drained the DLQ left in it, not moved and not accounted for
 *                           above (in flight elsewhere, ...); {@link LeftBehind#NONE} when it did not drain
 * @param failures           why messages failed, with how many
 * @param error              the error that stopped the run (outcome FAILED by error), else null
 * @param dryRun             the dry run's report, else null
 */
public record MoveSummary(Outcome outcome, long moved, long failed, long skipped, long duplicatesPossible,
                          long resumedDeletes, long undeleted, Duration elapsed, Duration active,
                          LeftBehind leftBehind, Map<String, Long> failures,
                          String error, DryRunReport dryRun) {

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
        double seconds = active.toNanos() / 1e9;
        return seconds <= 0 ? 0 : moved / seconds;
    }
}
