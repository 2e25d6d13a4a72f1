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
 * @param inFlightElsewhere  messages the DLQ still had in flight, not held by this run, when it gave up
 *                           waiting for them (another consumer's, or a stopped run's); not moved
 * @param failures           why messages failed, with how many
 * @param error              the error that stopped the run (outcome FAILED by error), else null
 * @param dryRun             the dry run's report, else null
 */
public record MoveSummary(Outcome outcome, long moved, long failed, long skipped, long duplicatesPossible,
                          long resumedDeletes, long undeleted, Duration elapsed, Duration active,
                          long inFlightElsewhere, Map<String, Long> failures,
                          String error, DryRunReport dryRun) {

    /** How a move ended. */
    public enum Outcome { COMPLETED, FAILED, CANCELLED, INTERRUPTED }

    /** Messages per second while moving. */
    public double achievedRate() {
        double seconds = active.toNanos() / 1e9;
        return seconds <= 0 ? 0 : moved / seconds;
    }
}
