package dev.sqsredrive.mover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
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
    private final Set<String> brokenGroups = ConcurrentHashMap.newKeySet();

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
     * @param sent  messages sent
     * @param moved messages moved, or in a dry run that would move (what --limit counts)
     */
    record Done(int sent, int moved) {
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
            if (inBrokenGroup(m)) {
                counters.fail(GROUP_BROKEN, 1);
                continue;
            }
            Routing.Route route = routing.route(m);
            String problem = route.problem() != null ? route.problem() : problem(m, route.destination());
            if (problem != null) {
                counters.fail(problem, 1);
                breakGroup(m);
                continue;
            }
            byDestination.computeIfAbsent(route.destination(), d -> new ArrayList<>()).add(m);
        }
        if (dryRun != null) {
            byDestination.forEach((d, ms) -> ms.forEach(m -> dryRun.add(d.name(), m)));
            int wouldMove = byDestination.values().stream().mapToInt(List::size).sum();
            counters.moved.addAndGet(wouldMove);
            return new Done(0, wouldMove);
        }
        int moved = 0;
        if (!deleteOnly.isEmpty()) {
            int deleted = delete(deleteOnly, hold);
            counters.resumedDeletes.addAndGet(deleted);
            counters.moved.addAndGet(deleted);
            moved += deleted;
        }
        int sent = 0;
        Set<String> refusedGroups = new HashSet<>(); // the messages before a refused one were queued already
        for (Map.Entry<Destination, List<Message>> e : byDestination.entrySet()) {
            sent += send(e.getKey(), e.getValue(), hold, refusedGroups);
        }
        return new Done(sent, moved + sent);
    }

    /** Why a message cannot go to a destination, or null. */
    static String problem(Message m, Destination d) {
        if (MessageCopy.size(m) > d.maxMessageSize()) {
            return "larger than the " + d.maxMessageSize() + " bytes '" + d.name() + "' accepts (MaximumMessageSize)";
        }
        if (MessageCopy.attributeCount(m) > MessageCopy.MAX_ATTRIBUTES) {
            return "more than " + MessageCopy.MAX_ATTRIBUTES + " message attributes";
        }
        if (d.fifo() && groupOf(m) == null) {
            return "no MessageGroupId, which FIFO queue '" + d.name() + "' needs";
        }
        return null;
    }

    private int send(Destination d, List<Message> messages, HeldMessages.Hold hold, Set<String> refusedGroups)
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
            byEntryId.forEach((id, m) -> {
                if (out.succeeded().contains(id)) {
                    delivered.add(m);
                } else {
                    EntryError error = out.failed().get(id);
                    counters.fail("refused by '" + d.name() + "': " + (error == null ? "unknown" : error.code()), 1);
                    if (groupOf(m) != null) {
                        brokenGroups.add(groupOf(m));
                        refusedGroups.add(groupOf(m));
                    }
                }
            });
            if (out.ambiguous() && !d.fifo()) {
                // An attempt got no answer and may have delivered: a retry (or a later run, for what still
                // failed) may deliver again. FIFO drops such resends by the deduplication id.
                counters.duplicatesPossible.addAndGet(byEntryId.size());
            }
            sent += delivered.size();
            counters.moved.addAndGet(delivered.size());
            if (config.copy()) {
                continue; // copied messages stay held until the end, so the scan does not copy them twice
            }
            List<String> ids = delivered.stream().map(Message::messageId).toList();
            journal.sent(ids);
            pending.addAll(ids);
            delete(delivered, hold);
        }
        return sent;
    }

    /** Later messages of a FIFO group whose earlier message was refused are not sent: that would break the order. */
    private List<Message> withoutGroups(List<Message> batch, Set<String> refusedGroups) {
        if (refusedGroups.isEmpty()) {
            return batch;
        }
        List<Message> keep = new ArrayList<>();
        for (Message m : batch) {
            if (refusedGroups.contains(groupOf(m))) {
                counters.fail(GROUP_BROKEN, 1);
            } else {
                keep.add(m);
            }
        }
        return keep;
    }

    /** This message stays in the DLQ: if it has a FIFO group, the rest of that group must stay behind it. */
    private void breakGroup(Message m) {
        String group = groupOf(m);
        if (group != null) {
            brokenGroups.add(group);
        }
    }

    private boolean inBrokenGroup(Message m) {
        String group = groupOf(m);
        return group != null && brokenGroups.contains(group);
    }

    /** The FIFO group, or null for a standard queue's message. */
    private static String groupOf(Message m) {
        return m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    /** Deletes with this receive's receipt handles; returns how many SQS confirmed. */
    private int delete(List<Message> messages, HeldMessages.Hold hold) throws InterruptedException {
        if (messages.isEmpty()) {
            return 0;
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
        return deleted.size();
    }
}
