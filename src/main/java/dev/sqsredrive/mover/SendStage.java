package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The middle stage: sends one receive's messages for one destination in batches the sink accepts, each
 * after its guard lets it go and the hold confirms it is still this run's to send; journals each send
 * before it is made; counts what the sink confirmed, and hands that to the delete stage (unless --copy),
 * which runs off the worker ({@link DeleteLine}).
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
    int send(Destination d, List<Msg> messages, HeldMessages.Hold hold, BrokenGroups refusedGroups)
            throws InterruptedException {
        MoveCounters counters = state.counters();
        Journal journal = state.journal();
        int sent = 0;
        // A batch may carry 1 MiB in all; a queue that accepts less per message (256 KiB before August 2025)
        // took no more per batch either, so its MaximumMessageSize caps the batch too.
        long maxBytes = Math.min(Batches.MAX_BYTES, d.maxMessageSize());
        List<List<Msg>> batches = d.fifo()
                ? Batches.splitByGroup(messages, MessageCopy::size, BrokenGroups::groupOf, Batches.MAX_ENTRIES, maxBytes)
                : Batches.split(messages, MessageCopy::size, Batches.MAX_ENTRIES, maxBytes);
        for (int b = 0; b < batches.size(); b++) {
            List<Msg> batch = withoutGroups(batches.get(b), refusedGroups);
            if (!batch.isEmpty() && !guard.await(d, batch.size())) {
                List<Msg> unsent = new ArrayList<>(batch);
                batches.subList(b + 1, batches.size()).forEach(unsent::addAll);
                hold.release(unsent);
                break;
            }
            // Right before the send: a message whose hold may have lapsed may be another receiver's by now.
            HeldMessages.Claim claim = hold.claim(batch, d.fifo() ? BrokenGroups::groupOf : null);
            // Released, not failed: they come back in a later receive, so only the rest of this receive waits.
            refusedGroups.holdBack(claim.heldBackGroups());
            if (claim.send().isEmpty() && !batch.isEmpty()) {
                guard.sent();
                continue;
            }
            batch = claim.send();
            Map<String, Msg> byEntryId = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (Msg m : batch) {
                String id = "m" + entries.size(); // unique in the batch, far below SQS's 80 characters
                byEntryId.put(id, m);
                entries.add(new Entry(id, m));
            }
            if (entries.isEmpty()) {
                continue;
            }
            if (journal != null) {
                List<String> attempted = batch.stream().map(Msg::id).toList();
                journal.attempting(attempted);
                int maybeSentBefore = journal.resending(attempted);
                if (maybeSentBefore > 0 && !d.fifo()) {
                    // An earlier run died between sending these and recording it: this may duplicate them.
                    counters.duplicatesPossible.addAndGet(maybeSentBefore);
                }
            }
            Sink sink = sinks.apply(d);
            Retry.Outcome out;
            try {
                out = retry.run(entries, Entry::id, sink::send, () -> { });
            } finally {
                guard.sent();
            }
            List<Msg> delivered = new ArrayList<>();
            List<Msg> deliveredOnce = new ArrayList<>(); // delivered by an answered attempt alone
            byEntryId.forEach((id, m) -> {
                if (out.succeeded().contains(id)) {
                    delivered.add(m);
                    if (!out.unanswered().contains(id)) {
                        deliveredOnce.add(m);
                    }
                } else {
                    EntryError error = out.failed().get(id);
                    counters.fail("refused by '" + d.name() + "': " + (error == null ? "unknown" : error.code()), 1);
                    state.brokenGroups().breakAt(m);
                    refusedGroups.breakAt(m);
                }
            });
            if (!d.fifo()) {
                // An attempt got no answer and may have delivered: a retry may have delivered again. FIFO drops
                // such resends by the deduplication id. (What then failed for good stays open in the journal,
                // and the run that sends it again counts it.)
                counters.duplicatesPossible.addAndGet(byEntryId.keySet().stream()
                        .filter(id -> out.unanswered().contains(id) && out.succeeded().contains(id)).count());
            }
            if (journal != null) {
                // Refused with an answer on every attempt: it never reached the queue, so a later send of it
                // is no possible duplicate.
                journal.notSent(byEntryId.entrySet().stream()
                        .filter(e -> !out.succeeded().contains(e.getKey()) && !out.unanswered().contains(e.getKey()))
                        .map(e -> e.getValue().id()).toList());
            }
            List<String> given = new ArrayList<>();
            byEntryId.forEach((id, m) -> {
                if (out.succeeded().contains(id)) {
                    String g = out.messageIds().get(id);
                    state.onePass().moved(m, g);
                    if (g != null) {
                        given.add(g);
                    }
                }
            });
            if (journal != null) {
                journal.given(given); // before the S line: a resumed run knows these whenever it knows the send
            }
            sent += delivered.size();
            counters.moved.addAndGet(delivered.size());
            state.onePass().movedCount(delivered.size());
            countLapsed(hold, deliveredOnce, d);
            if (copy) {
                continue; // copied messages stay held until the end, so the scan does not copy them twice
            }
            confirmed(delivered, hold);
        }
        return sent;
    }

    /**
     * The one hand-off from a confirmed send to the delete: journalled as sent (from here on, a receive of
     * these only deletes them), then queued for the delete stage, which runs off this worker.
     */
    private void confirmed(List<Msg> delivered, HeldMessages.Hold hold) throws InterruptedException {
        List<String> ids = delivered.stream().map(Msg::id).toList();
        state.journal().sent(ids);
        state.pending().addAll(ids);
        deletes.delete(delivered, hold);
    }

    /**
     * Delivered messages whose hold was not surely in force until now may have been received by another
     * consumer meanwhile, and sent by it too (standard queues; FIFO drops such a resend by its dedup id).
     */
    private void countLapsed(HeldMessages.Hold hold, List<Msg> deliveredOnce, Destination d) {
        int lapsed = hold.mayHaveLapsed(deliveredOnce); // those also unanswered are counted already
        if (lapsed > 0 && !d.fifo()) {
            state.counters().duplicatesPossible.addAndGet(lapsed);
        }
    }

    /** Later messages of a FIFO group whose earlier message was refused are not sent: that would break the order. */
    private List<Msg> withoutGroups(List<Msg> batch, BrokenGroups refusedGroups) {
        if (refusedGroups.isEmpty()) {
            return batch;
        }
        List<Msg> keep = new ArrayList<>();
        for (Msg m : batch) {
            if (refusedGroups.holdsBack(m)) {
                state.counters().fail(GROUP_BROKEN, 1);
            } else {
                keep.add(m);
            }
        }
        return keep;
    }
}
