package dev.sqsredrive.mover;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One run's ledger: the stages say what happened to messages (their fates, docs/MOVER.md "The ledger"), and
 * this class alone decides what each fate means for the numbers a summary and the progress report. Each fate
 * has its journal line, written by the stage that records it here; nothing here is written to disk.
 * <p>
 * Kept per message: only the MessageIds whose earlier send had an unknown outcome and have not been sent
 * since (an earlier run's open attempts, this run's sends whose record failed), and, after a repeated import,
 * those resent so far. Both are bounded like the journal's own sets: by the messages of the task.
 * Everything else is a count.
 */
final class RunLedger {

    /** How a send's outcome is known. */
    enum Outcome {
        /** Every attempt of it was answered. */
        CERTAIN,
        /** An attempt of it had no answer (lost, timed out, failed on the server's side), another then delivered. */
        UNKNOWN
    }

    private final boolean journaled;
    private final AtomicLong moved = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong duplicatesPossible = new AtomicLong();
    private final AtomicLong resumedDeletes = new AtomicLong();
    private final AtomicLong unrecorded = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    /** Sent before with an unknown outcome, not sent since: a send of one now may duplicate it. */
    private final Set<String> outcomeUnknown = ConcurrentHashMap.newKeySet();
    /** Set when every message may have been delivered before (a repeated import): each resend counted once. */
    private volatile Set<String> resentOnce;

    /**
     * @param journaled whether the run keeps a journal (not --copy, not a dry run): only then does an unknown
     *                  outcome outlive the send that had it, to be counted when the message is sent again
     */
    RunLedger(boolean journaled) {
        this.journaled = journaled;
    }

    // Before the run, from the earlier runs' journals (mover/ResumeState).

    /** Attempted by earlier runs with no outcome recorded: a send of one now may duplicate it. */
    void unknownBefore(Set<String> messageIds) {
        if (journaled) {
            outcomeUnknown.addAll(messageIds);
        }
    }

    /** Every message may have been delivered before, by a run whose journal is gone (a COMPLETED import). */
    void everyoneSentBefore() {
        if (journaled) {
            resentOnce = ConcurrentHashMap.newKeySet();
        }
    }

    /** Delivered more than once by killed runs that never reported it. */
    void duplicatedBefore(int count) {
        duplicatesPossible.addAndGet(count);
    }

    // While sorting what a receive brought.

    /** Left in place by a --filter. */
    void filteredOut() {
        skipped.incrementAndGet();
    }

    /** Left in the DLQ, not sent, for this reason. */
    void left(String reason, int count) {
        failed.addAndGet(count);
        failures.computeIfAbsent(reason, r -> new LongAdder()).add(count);
    }

    /** A dry run would move these. */
    void wouldMove(int count) {
        moved.addAndGet(count);
    }

    /** An inspect scanned these (and keeps them hidden until it releases them): its progress counts them moved. */
    void scanned(int count) {
        moved.addAndGet(count);
    }

    /**
     * Moved by this run or the one it resumes before, and received again: left in the DLQ (one pass). Called
     * once per message however often it comes back.
     *
     * @return how many came back so far
     */
    long cameBack() {
        return returned.incrementAndGet();
    }

    // Sends.

    /**
     * About to be sent (an A line each). A message whose earlier send had an unknown outcome may now arrive
     * twice: one possible duplicate per message, however often it is sent again after (its record is the
     * journal's, and this resend's outcome is reported on its own). A FIFO destination drops such a resend by
     * its deduplication id.
     */
    void sending(Collection<String> messageIds, boolean fifo) {
        if (!journaled) {
            return;
        }
        Set<String> once = resentOnce;
        int n = 0;
        for (String id : messageIds) {
            boolean unknown = outcomeUnknown.remove(id);
            if (once != null ? once.add(id) : unknown) {
                n++;
            }
        }
        if (!fifo) {
            duplicatesPossible.addAndGet(n);
        }
    }

    /**
     * The destination confirmed these: moved. One whose first attempt's outcome was unknown may have been
     * delivered by that attempt too (FIFO drops the second by its deduplication id).
     */
    void sent(int count, Outcome firstAttempt, boolean fifo) {
        moved.addAndGet(count);
        if (firstAttempt == Outcome.UNKNOWN && !fifo) {
            duplicatesPossible.addAndGet(count);
        }
    }

    /**
     * Confirmed sent while their hold on the DLQ may have lapsed: another consumer may have received and sent
     * them too (FIFO drops such a resend by its deduplication id).
     */
    void holdLapsed(int count, boolean fifo) {
        if (!fifo) {
            duplicatesPossible.addAndGet(count);
        }
    }

    /**
     * Delivered, then a record that had to follow (the archive, the journal) failed: they stay in the DLQ with
     * their send open, and a resend, by this run or the next, may duplicate them.
     */
    void unrecorded(Collection<String> messageIds) {
        unrecorded.addAndGet(messageIds.size());
        if (journaled) {
            outcomeUnknown.addAll(messageIds);
        }
    }

    /**
     * Left in the DLQ after an attempt that may have delivered them anyway (a lost answer, a failure on the
     * server's side, an answer whose MD5s do not match what was sent): a resend, by this run or the next (the
     * journal leaves their A lines open), may duplicate them.
     */
    void mayHaveArrived(Collection<String> messageIds) {
        if (journaled) {
            outcomeUnknown.addAll(messageIds);
        }
    }

    // Deletes.

    /** Deleted from the DLQ (D lines): its depth fell by these. */
    void deleted(int count) {
        deleted.addAndGet(count);
    }

    /** Sent by an earlier run, deleted by this one: moved now. */
    void finishedEarlierSend(int count) {
        resumedDeletes.addAndGet(count);
        moved.addAndGet(count);
    }

    // What the summary and the progress report read.

    long moved() {
        return moved.get();
    }

    long failed() {
        return failed.get();
    }

    long skipped() {
        return skipped.get();
    }

    long duplicatesPossible() {
        return duplicatesPossible.get();
    }

    long resumedDeletes() {
        return resumedDeletes.get();
    }

    long unrecorded() {
        return unrecorded.get();
    }

    long returned() {
        return returned.get();
    }

    long deleted() {
        return deleted.get();
    }

    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
