package dev.sqsredrive.mover;

import java.util.Set;

import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.mover.guard.ReturnBreaker;
import dev.sqsredrive.time.Ticker;

/**
 * What the stages of one run share: the ledger, the journal, the MessageIds waiting for their delete, those
 * whose delete failed, and the FIFO groups held back for the rest of the run.
 *
 * @param journal      where sends and deletes are recorded; null when nothing is deleted (copy, dry run)
 * @param pending      MessageIds sent (by this run or an earlier one) but not yet deleted
 * @param deleteFailed MessageIds this run sent whose delete has failed so far
 * @param deleteUnknown of deleteFailed: those an attempt may have deleted anyway (its answer was lost); a later
 *                     answer "invalid receipt handle" is what such a delete looks like on ElasticMQ
 * @param brokenGroups FIFO groups one of whose messages stays in the DLQ: their later messages stay too, for
 *                     the rest of the run (a lapsed hold can bring the failed message and its followers back
 *                     in a later receive)
 * @param onePass      what this run moved, what came back, the breaker and the canary
 */
record RunState(RunLedger ledger, Journal journal, Set<String> pending, Set<String> deleteFailed,
                Set<String> deleteUnknown, BrokenGroups brokenGroups, OnePass onePass) {

    /** With the one-pass rule and no breaker or canary. */
    RunState(RunLedger ledger, Journal journal, Set<String> pending, Set<String> deleteFailed, Ticker ticker) {
        this(ledger, journal, pending, deleteFailed, java.util.concurrent.ConcurrentHashMap.newKeySet(),
                new BrokenGroups(), new OnePass(ledger,
                new ReturnBreaker(MaxReturned.parse("off")), null, ticker, false));
    }

    /**
     * A delete was confirmed: no longer waiting for one, in this run or a later one. Two deletes of one message can
     * both be confirmed (the delete stage and a later receive's delete-only, with the same latest handle): only
     * the first one counts.
     *
     * @return those of ids that were still waiting for their delete
     */
    java.util.List<String> deleted(java.util.List<String> ids) {
        java.util.List<String> first = ids.stream().filter(pending::remove).toList();
        journal.deleted(first);
        ledger.deleted(first.size());
        first.forEach(deleteFailed::remove);
        first.forEach(deleteUnknown::remove);
        return first;
    }

    /**
     * Delivered, and its delete failed: answered (it is still in the DLQ) or unknown (it may be gone). Not once
     * it is deleted: a delete with an older receipt handle can fail after one with a newer handle succeeded.
     */
    void deleteFailed(String id, boolean unknown) {
        if (journal != null && !pending.contains(id)) {
            return;
        }
        deleteFailed.add(id);
        if (unknown) {
            deleteUnknown.add(id);
        }
    }

    /** Delivered, not deleted, and surely still in the DLQ: this run holds it. */
    void stillInTheDlq(String id) {
        deleteFailed.add(id);
        deleteUnknown.remove(id);
    }
}
