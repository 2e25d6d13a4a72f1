package dev.sqsredrive.mover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Moves the messages of one receive: filter, route, check, send in batches, and delete exactly the
 * entries the destination confirmed, with this receive's receipt handles. Whatever is not moved stays
 * held (parked) until the run ends, then is released.
 */
final class BatchMover {

    static final String GROUP_BROKEN = "not sent: an earlier message of its FIFO group could not be moved";

    private final MoverConfig config;
    private final QueueOps ops;
    private final Routing routing;
    private final Journal journal;
    private final Set<String> pending;
    private final Set<String> deleteFailed;
    private final Retry retry;
    private final MoveCounters counters;
    private final DryRunReport dryRun;
    private final Pacer pacer;
    /**
     * FIFO groups one of whose messages stays in the DLQ: their later messages stay too, for the rest of the
     * run (a lapsed hold can bring the failed message and its followers back in a later receive).
     */
    private final BrokenGroups brokenGroups = new BrokenGroups();

    /** Waits for the rate limit before a send. */
    @FunctionalInterface
    interface Pacer {
        /** @return false when the run must stop and give back what it has not sent */
        boolean await(int messages) throws InterruptedException;

        /** After each send that {@link #await} let go, whatever its outcome. */
        default void sent() {
        }
    }

    /**
     * @param journal          null when nothing is deleted (copy, dry run)
     * @param pending          MessageIds sent (by this run or an earlier one) but not yet deleted
     * @param deleteFailed     MessageIds this run sent whose delete has failed so far
     * @param pacer            waits for the rate limit before each send; says when the run must stop
     */
    BatchMover(MoverConfig config, QueueOps ops, Routing routing, Journal journal, Set<String> pending,
               Set<String> deleteFailed, Retry retry, MoveCounters counters, DryRunReport dryRun,
               Pacer pacer) {
        this.config = config;
        this.ops = ops;
        this.routing = routing;
        this.journal = journal;
        this.pending = pending;
        this.deleteFailed = deleteFailed;
        this.retry = retry;
        this.counters = counters;
        this.dryRun = dryRun;
        this.pacer = pacer;
    }

    /**
     * What one receive came to.
     *
     * @param moved   messages moved (sent, or deleted after an earlier run's send), or in a dry run that would move
     * @param counted what --limit counts of them: not a delete that finishes an earlier run's send, which that
     *                run's limit counted
     */
    record Done(int moved, int counted) {
    }

    Done process(List<Message> messages, HeldMessages.Hold hold, Instant now) throws InterruptedException {
        List<Message> deleteOnly = new ArrayList<>();
        Map<Destination, List<Message>> byDestination = new LinkedHashMap<>();
        for (Message m : messages) {
            if (journal != null && pending.contains(m.messageId())) {
                deleteOnly.add(m); // sent before, by this run or a crashed one: finish it, do not send again
                continue;
            }
            if (!MessageFilter.all(config.filters(), m, now)) {
                counters.skipped.incrementAndGet();
                continue;
            }
            if (brokenGroups.holdsBack(m)) {
                counters.fail(GROUP_BROKEN, 1);
                continue;
            }
            Routing.Route route = routing.route(m);
            String problem = route.problem() != null ? route.problem() : route.destination().refusal(m);
            if (problem != null) {
                counters.fail(problem, 1);
                brokenGroups.breakAt(m);
                continue;
            }
            byDestination.computeIfAbsent(route.destination(), d -> new ArrayList<>()).add(m);
        }
        if (dryRun != null) {
            byDestination.forEach((d, ms) -> ms.forEach(m -> dryRun.add(d.name(), m)));
            int wouldMove = byDestination.values().stream().mapToInt(List::size).sum();
            counters.moved.addAndGet(wouldMove);
            return new Done(wouldMove, wouldMove);
        }
        int deleted = 0;
        if (!deleteOnly.isEmpty()) {
            // What this run sent was counted moved when it was sent; only an earlier run's messages move now.
            List<String> earlierRuns = deleteOnly.stream().map(Message::messageId)
                    .filter(id -> !deleteFailed.contains(id)).toList();
            Set<String> gone = delete(deleteOnly, hold);
            deleted = (int) earlierRuns.stream().filter(gone::contains).count();
            counters.resumedDeletes.addAndGet(deleted);
            counters.moved.addAndGet(deleted);
        }
        int sent = 0;
        // Broken by a refusal during these sends: holds back later batches only, the messages queued with or
        // before the refused one are on their way.
        BrokenGroups refusedGroups = new BrokenGroups();
        for (Map.Entry<Destination, List<Message>> e : byDestination.entrySet()) {
            sent += send(e.getKey(), e.getValue(), hold, refusedGroups);
        }
        return new Done(deleted + sent, sent);
    }

    private int send(Destination d, List<Message> messages, HeldMessages.Hold hold, BrokenGroups refusedGroups)
            throws InterruptedException {
        int sent = 0;
        // A batch may carry 1 MiB in all; a queue that accepts less per message (256 KiB before August 2025)
        // took no more per batch either, so its MaximumMessageSize caps the batch too.
        List<List<Message>> batches = Batches.split(messages, MessageCopy::size, Batches.MAX_ENTRIES,
                Math.min(Batches.MAX_BYTES, d.maxMessageSize()));
        for (int b = 0; b < batches.size(); b++) {
            List<Message> batch = withoutGroups(batches.get(b), refusedGroups);
            if (!batch.isEmpty() && !pacer.await(batch.size())) {
                List<Message> unsent = new ArrayList<>(batch);
                batches.subList(b + 1, batches.size()).forEach(unsent::addAll);
                hold.release(unsent);
                break;
            }
            // Right before the send: a message whose hold may have lapsed may be another receiver's by now.
            HeldMessages.Claim claim = hold.claim(batch, d.fifo() ? BrokenGroups::groupOf : null);
            // Released, not failed: they come back in a later receive, so only the rest of this receive waits.
            refusedGroups.holdBack(claim.heldBackGroups());
            if (claim.send().isEmpty() && !batch.isEmpty()) {
                pacer.sent();
                continue;
            }
            batch = claim.send();
            Map<String, Message> byEntryId = new LinkedHashMap<>();
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Message m : batch) {
                String id = "m" + entries.size(); // unique in the batch, far below SQS's 80 characters
                byEntryId.put(id, m);
                entries.add(MessageCopy.entry(m, id, d.fifo()));
            }
            if (entries.isEmpty()) {
                continue;
            }
            if (journal != null) {
                List<String> attempted = batch.stream().map(Message::messageId).toList();
                journal.attempting(attempted);
                int maybeSentBefore = journal.resending(attempted);
                if (maybeSentBefore > 0 && !d.fifo()) {
                    // An earlier run died between sending these and recording it: this may duplicate them.
                    counters.duplicatesPossible.addAndGet(maybeSentBefore);
                }
            }
            Retry.Outcome out;
            try {
                out = retry.run(entries, SendMessageBatchRequestEntry::id, es -> ops.send(d.url(), es), () -> { });
            } finally {
                pacer.sent();
            }
            List<Message> delivered = new ArrayList<>();
            List<Message> deliveredOnce = new ArrayList<>(); // delivered by an answered attempt alone
            byEntryId.forEach((id, m) -> {
                if (out.succeeded().contains(id)) {
                    delivered.add(m);
                    if (!out.unanswered().contains(id)) {
                        deliveredOnce.add(m);
                    }
                } else {
                    EntryError error = out.failed().get(id);
                    counters.fail("refused by '" + d.name() + "': " + (error == null ? "unknown" : error.code()), 1);
                    brokenGroups.breakAt(m);
                    refusedGroups.breakAt(m);
                }
            });
            if (!d.fifo()) {
                // An attempt got no answer and may have delivered: a retry may have delivered again. FIFO drops
                // such resends by the deduplication id. (What then failed for good stays open in the journal,
                // and the run that sends it again counts it.)
                counters.duplicatesPossible.addAndGet(byEntryId.entrySet().stream()
                        .filter(e -> out.unanswered().contains(e.getKey()) && out.succeeded().contains(e.getKey()))
                        .count());
            }
            if (journal != null) {
                // Refused with an answer on every attempt: it never reached the queue, so a later send of it
                // is no possible duplicate.
                journal.notSent(byEntryId.entrySet().stream()
                        .filter(e -> !out.succeeded().contains(e.getKey()) && !out.unanswered().contains(e.getKey()))
                        .map(e -> e.getValue().messageId()).toList());
            }
            sent += delivered.size();
            counters.moved.addAndGet(delivered.size());
            if (config.copy()) {
                countLapsed(hold, deliveredOnce, d);
                continue; // copied messages stay held until the end, so the scan does not copy them twice
            }
            List<String> ids = delivered.stream().map(Message::messageId).toList();
            journal.sent(ids);
            pending.addAll(ids);
            countLapsed(hold, deliveredOnce, d); // from here on, a receive of these only deletes them
            delete(delivered, hold);
        }
        return sent;
    }

    /**
     * Delivered messages whose hold was not surely in force until now may have been received by another
     * consumer meanwhile, and sent by it too (standard queues; FIFO drops such a resend by its dedup id).
     */
    private void countLapsed(HeldMessages.Hold hold, List<Message> deliveredOnce, Destination d) {
        int lapsed = hold.mayHaveLapsed(deliveredOnce); // those also unanswered are counted already
        if (lapsed > 0 && !d.fifo()) {
            counters.duplicatesPossible.addAndGet(lapsed);
        }
    }

    /** Later messages of a FIFO group whose earlier message was refused are not sent: that would break the order. */
    private List<Message> withoutGroups(List<Message> batch, BrokenGroups refusedGroups) {
        if (refusedGroups.isEmpty()) {
            return batch;
        }
        List<Message> keep = new ArrayList<>();
        for (Message m : batch) {
            if (refusedGroups.holdsBack(m)) {
                counters.fail(GROUP_BROKEN, 1);
            } else {
                keep.add(m);
            }
        }
        return keep;
    }

    /** Deletes with this receive's receipt handles; returns the MessageIds SQS confirmed. */
    private Set<String> delete(List<Message> messages, HeldMessages.Hold hold) throws InterruptedException {
        if (messages.isEmpty()) {
            return Set.of();
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        Map<String, Message> byEntryId = new LinkedHashMap<>();
        for (Message m : messages) {
            String id = "d" + entries.size();
            byEntryId.put(id, m);
            entries.add(DeleteMessageBatchRequestEntry.builder().id(id).receiptHandle(m.receiptHandle()).build());
        }
        Retry.Outcome out = retry.run(entries, DeleteMessageBatchRequestEntry::id,
                es -> ops.delete(config.sourceUrl(), es), () -> { });
        List<Message> deleted = new ArrayList<>();
        List<Message> notDeleted = new ArrayList<>();
        byEntryId.forEach((id, m) -> (out.succeeded().contains(id) ? deleted : notDeleted).add(m));
        List<String> ids = deleted.stream().map(Message::messageId).toList();
        journal.deleted(ids);
        ids.forEach(pending::remove);
        ids.forEach(deleteFailed::remove);
        hold.done(deleted);
        if (!notDeleted.isEmpty()) {
            // Delivered, still in the DLQ: released so that this run receives it again and only deletes it.
            notDeleted.forEach(m -> deleteFailed.add(m.messageId()));
            hold.release(notDeleted);
        }
        return Set.copyOf(ids);
    }
}
