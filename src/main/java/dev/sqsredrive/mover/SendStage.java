package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The middle stage: sends one receive's messages for one destination in batches the sink accepts, each
 * after its guard lets it go and the hold confirms it is still this run's to send; journals each send
 * before it is made; tells the run's ledger ({@link RunLedger}) each message's fate, and hands what the sink
 * confirmed to the delete stage (unless --copy), which runs off the worker ({@link DeleteLine}).
 */
final class SendStage {

    static final String GROUP_BROKEN = "not sent: an earlier message of its FIFO group could not be moved";

    private final boolean copy;
    private final Function<Destination, Sink> sinks;
    private final Retry retry;
    private final RunState state;
    private final SendGuard guard;
    private final DeleteLine deletes;

    SendStage(boolean copy, Function<Destination, Sink> sinks, Retry retry, RunState state, SendGuard guard,
              DeleteLine deletes) {
        this.copy = copy;
        this.sinks = sinks;
        this.retry = retry;
        this.state = state;
        this.guard = guard;
        this.deletes = deletes;
    }

    /**
     * @param refusedGroups broken by a refusal during this receive's sends: holds back its later batches only,
     *                      the messages queued with or before the refused one are on their way
     * @return how many the destination confirmed
     */
    int send(Destination d, List<Msg> messages, Hold hold, BrokenGroups refusedGroups)
            throws InterruptedException {
        List<List<Msg>> batches = split(d, messages);
        int sent = 0;
        for (int b = 0; b < batches.size(); b++) {
            List<Msg> batch = withoutGroups(batches.get(b), refusedGroups);
            if (batch.isEmpty()) {
                continue;
            }
            SendGuard.Admission admission = guard.await(d, batch.size());
            if (!admission.admitted()) {
                List<Msg> unsent = new ArrayList<>(batch);
                batches.subList(b + 1, batches.size()).forEach(unsent::addAll);
                hold.release(unsent);
                break;
            }
            Retry.Outcome out;
            EntryBatch claimed;
            try {
                claimed = claim(d, batch, hold, refusedGroups);
                if (claimed.isEmpty()) {
                    continue;
                }
                journalAttempt(d, claimed);
                out = retry.run(claimed.entries(), Entry::id, sinks.apply(d)::send, () -> { });
            } finally {
                admission.sent(); // answered, or not made: either way no longer under way
            }
            sent += record(d, claimed, out, hold, refusedGroups);
        }
        return sent;
    }

    /**
     * Batches the sink accepts. A batch may carry 1 MiB in all; a queue that accepts less per message (256 KiB
     * before August 2025) took no more per batch either, so its MaximumMessageSize caps the batch too.
     */
    private static List<List<Msg>> split(Destination d, List<Msg> messages) {
        long maxBytes = Math.min(Batches.MAX_BYTES, d.maxMessageSize());
        return d.fifo()
                ? Batches.splitByGroup(messages, MessageCopy::size, BrokenGroups::groupOf, Batches.MAX_ENTRIES, maxBytes)
                : Batches.split(messages, MessageCopy::size, Batches.MAX_ENTRIES, maxBytes);
    }

    /**
     * Right before the send: a message whose hold may have lapsed may be another receiver's by now, and is
     * released, not failed (it comes back in a later receive, so only the rest of this receive waits).
     */
    private EntryBatch claim(Destination d, List<Msg> batch, Hold hold, BrokenGroups refusedGroups)
            throws InterruptedException {
        Hold.Claim claim = hold.claim(batch, d.fifo() ? BrokenGroups::groupOf : null);
        refusedGroups.holdBack(claim.heldBackGroups());
        return EntryBatch.of("m", claim.send());
    }

    /** A lines before the send; the ledger counts a resend of what had an unknown outcome. */
    private void journalAttempt(Destination d, EntryBatch batch) {
        Journal journal = state.journal();
        if (journal == null) {
            return;
        }
        List<Msg> attempted = batch.of(batch.byEntryId().keySet());
        journal.attempting(attempted); // with fingerprints: a copy that comes back is known by its content
        state.ledger().sending(EntryBatch.ids(attempted), d.fifo());
    }

    /**
     * Records each entry's fate, in the journal and the ledger: refused (N line when every attempt was
     * answered), confirmed with MD5s that do not match (an M line, left open), delivered (M lines, then S and
     * the delete), delivered with its record missing (left open in the journal), and delivered after an
     * attempt whose outcome was unknown.
     *
     * @return how many the destination confirmed
     */
    private int record(Destination d, EntryBatch batch, Retry.Outcome out, Hold hold,
                       BrokenGroups refusedGroups) throws InterruptedException {
        RunLedger ledger = state.ledger();
        List<String> answeredRefusals = new ArrayList<>();
        List<String> mayHaveArrived = new ArrayList<>();
        List<String> given = new ArrayList<>();
        batch.byEntryId().forEach((id, m) -> {
            if (out.succeeded().contains(id)) {
                return;
            }
            EntryError error = out.failed().get(id);
            boolean mismatched = error != null && error.mismatched();
            ledger.left(mismatched ? mismatched(d)
                    : "refused by '" + d.name() + "': " + (error == null ? "unknown" : error.code()), 1);
            String g = out.messageIds().get(id);
            if (mismatched && g != null) { // its copy may have arrived altered: back in the DLQ, it is no new message
                state.onePass().given(g);
                given.add(g);
            }
            state.brokenGroups().breakAt(m);
            refusedGroups.breakAt(m);
            if (!out.unanswered().contains(id)) {
                answeredRefusals.add(m.id()); // never reached the queue: a later send is no duplicate
            } else {
                mayHaveArrived.add(m.id());
            }
        });
        ledger.mayHaveArrived(mayHaveArrived);
        List<Msg> delivered = batch.of(out.succeeded());
        batch.byEntryId().forEach((id, m) -> {
            if (out.succeeded().contains(id)) {
                String g = out.messageIds().get(id);
                state.onePass().moved(m, g);
                if (g != null) {
                    given.add(g);
                }
            }
        });
        Set<String> answeredOnce = new HashSet<>(out.succeeded());
        answeredOnce.removeAll(out.unanswered());
        ledger.sent(answeredOnce.size(), RunLedger.Outcome.CERTAIN, d.fifo());
        ledger.sent(delivered.size() - answeredOnce.size(), RunLedger.Outcome.UNKNOWN, d.fifo());
        state.onePass().movedCount(delivered.size());
        // answered once only: a lapsed hold adds nothing to what an unknown outcome counted already
        ledger.holdLapsed(hold.mayHaveLapsed(batch.of(answeredOnce)), d.fifo());
        List<Msg> unrecorded = new ArrayList<>(batch.of(out.unrecorded()));
        List<Msg> confirmed = new ArrayList<>(delivered);
        confirmed.removeAll(unrecorded);
        RuntimeException stoppedBy = out.stoppedBy();
        try {
            journalOutcome(answeredRefusals, given);
            if (!copy) {
                confirmed(confirmed, hold);
            }
        } catch (java.io.UncheckedIOException journalFailed) { // the state directory filled up, ...
            unrecorded.addAll(confirmed); // the S line is the first write of confirmed(): nothing was queued
            stoppedBy = journalFailed;
        }
        if (!unrecorded.isEmpty()) {
            ledger.unrecorded(EntryBatch.ids(unrecorded));
            unrecorded.forEach(state.onePass()::sendAgain);
            hold.release(unrecorded); // not deleted: the journal leaves their send open for a later run
        }
        if (stoppedBy != null) {
            throw stoppedBy;
        }
        return delivered.size();
    }

    /** Why a message stays in the DLQ whose copy the destination confirmed with MD5s that do not match it. */
    static String mismatched(Destination d) {
        return "sent to '" + d.name() + "', but its answer's MD5s do not match what was sent (a copy may have"
                + " arrived altered)";
    }

    /** N lines for the refusals every attempt got an answer to; M lines before the S line (see {@link #confirmed}). */
    private void journalOutcome(List<String> answeredRefusals, List<String> given) {
        Journal journal = state.journal();
        if (journal != null) {
            journal.notSent(answeredRefusals);
            journal.given(given); // before the S line: a resumed run knows these whenever it knows the send
        }
    }

    /**
     * The one hand-off from a confirmed send to the delete: journalled as sent (from here on, a receive of
     * these only deletes them), then queued for the delete stage, which runs off this worker.
     */
    private void confirmed(List<Msg> delivered, Hold hold) throws InterruptedException {
        if (delivered.isEmpty()) {
            return;
        }
        List<String> ids = delivered.stream().map(Msg::id).toList();
        state.journal().sent(ids);
        state.pending().addAll(ids);
        deletes.delete(delivered, hold);
    }

    /** Later messages of a FIFO group whose earlier message was refused are not sent: that would break the order. */
    private List<Msg> withoutGroups(List<Msg> batch, BrokenGroups refusedGroups) {
        if (refusedGroups.isEmpty()) {
            return batch;
        }
        List<Msg> keep = new ArrayList<>();
        for (Msg m : batch) {
            if (refusedGroups.holdsBack(m)) {
                state.ledger().left(GROUP_BROKEN, 1);
            } else {
                keep.add(m);
            }
        }
        return keep;
    }
}
