package dev.sqsredrive.mover;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What a run that drained the DLQ learns about the deletes it could not confirm: a message it no longer
 * receives is gone, so it waits for no delete, in this run or a later one (docs/MOVER.md, "The ledger").
 */
final class Drained {

    private Drained() {
    }

    /**
     * Settles both kinds, before the DLQ is counted for what was left behind. A message this run still holds is
     * in the DLQ, whatever the rest says: it waits for its delete (a later receive of the run got it again while
     * it was sent, and a delete with that receive's handle did not come to pass), and the next run deletes it.
     *
     * @param heldHere whether this run holds the message (by MessageId) now
     */
    static void settle(RunState state, LongSupplier notHeld, CallFailures failures, Predicate<String> heldHere) {
        List<String> held = state.journal() == null ? List.of() : state.pending().stream().filter(heldHere).toList();
        held.forEach(state::stillInTheDlq);
        settleGone(state, notHeld, failures, held);
        settleUnknownDeletes(state);
    }

    /**
     * The DLQ drained and holds nothing this run does not: a message sent whose delete was never confirmed is no
     * longer there (a delete whose answer was lost did it, and SQS then calls the receipt handle invalid), so
     * it waits for no delete, in this run or a later one.
     */
    private static void settleGone(RunState state, LongSupplier notHeld, CallFailures failures,
                                   List<String> held) {
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
        state.deleted(state.pending().stream().filter(id -> !held.contains(id)).toList());
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
