package dev.sqsredrive.mover;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * What a run that drained the DLQ learns about the deletes it could not confirm: a message it no longer
 * receives is gone, so it waits for no delete, in this run or a later one (docs/MOVER.md, "The ledger").
 */
final class Drained {

    private Drained() {
    }

    /** Settles both kinds, before the DLQ is counted for what was left behind. */
    static void settle(RunState state, LongSupplier notHeld, CallFailures failures) {
        settleGone(state, notHeld, failures);
        settleUnknownDeletes(state);
    }

    /**
     * The DLQ drained and holds nothing this run does not: a message sent whose delete was never confirmed is no
     * longer there (a delete whose answer was lost did it, and SQS then calls the receipt handle invalid), so
     * it waits for no delete, in this run or a later one.
     */
    private static void settleGone(RunState state, LongSupplier notHeld, CallFailures failures) {
        if (state.journal() == null || state.pending().isEmpty()) {
            return;
        }
        try {
            if (notHeld.getAsLong() > 0) {
                return;
            }
        } catch (RuntimeException e) {
            if (failures.classify(e) == null) {
                throw e;
            }
            return; // cannot tell: they stay pending, and a later run deletes them if they are there
        }
        state.deleted(List.copyOf(state.pending()));
    }

    /**
     * The DLQ drained: a message whose delete had an unknown outcome and then failed was released (visible at
     * once), so had it still been there this run would have received it again and deleted it. It was not: its
     * lost delete did it. Recorded deleted, it is no longer counted "delivered but still in the DLQ", and the
     * count of what is left behind is not short by it (docs/MOVER.md, "The ledger").
     */
    private static void settleUnknownDeletes(RunState state) {
        if (state.journal() != null && !state.deleteUnknown().isEmpty()) {
            state.deleted(List.copyOf(state.deleteUnknown()));
        }
    }
}
