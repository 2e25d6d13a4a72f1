package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The DLQ messages this run holds (received, hidden from other consumers by their visibility timeout):
 * those being moved, and those parked until the end (left by a filter, failed, or copied), so that the
 * scan goes on past them instead of receiving them again and again.
 * <p>
 * A held message's visibility is extended before it runs out, however long a send or delete takes
 * (checked every tick, from one thread, so a stuck call cannot let it lapse); at the end, or on a stop,
 * every message still held is released at once (visibility 0).
 */
final class HeldMessages {

    /** Parked messages are extended in longer steps: fewer calls on a long scan. */
    static final Duration PARKED_VISIBILITY = Duration.ofMinutes(2);

    private final QueueOps ops;
    private final String queueUrl;
    private final Ticker ticker;
    private final Duration visibility;
    private final Retry retry;
    private final Set<Hold> holds = ConcurrentHashMap.newKeySet();

    HeldMessages(QueueOps ops, String queueUrl, Ticker ticker, Duration visibility, Retry retry) {
        this.ops = ops;
        this.queueUrl = queueUrl;
        this.ticker = ticker;
        this.visibility = visibility;
        this.retry = retry;
    }

    /** The messages of one receive. */
    final class Hold {
        private final Map<String, Message> held = new LinkedHashMap<>();
        private boolean inUse = true;
        private long deadline;

        private Hold(List<Message> messages, long receivedAt) {
            messages.forEach(m -> held.put(m.messageId(), m));
            deadline = receivedAt + visibility.toNanos();
        }

        /** These are dealt with (moved): no longer held. */
        synchronized void done(Collection<Message> messages) {
            messages.forEach(m -> held.remove(m.messageId()));
        }

        /** The worker is done with this receive; what is still held stays parked until the end. */
        synchronized void finish() {
            inUse = false;
        }

        /** Makes these visible again now. */
        void release(Collection<Message> messages) throws InterruptedException {
            done(messages);
            changeVisibility(new ArrayList<>(messages), 0);
        }

        synchronized int size() {
            return held.size();
        }

        synchronized boolean empty() {
            return held.isEmpty();
        }

        /** Extends the visibility when less than half of it is left. */
        void keepAlive() throws InterruptedException {
            List<Message> remaining;
            Duration extension;
            synchronized (this) {
                long now = ticker.nanos();
                if (held.isEmpty() || deadline - now > visibility.toNanos() / 2) {
                    return;
                }
                remaining = new ArrayList<>(held.values());
                extension = inUse ? visibility : PARKED_VISIBILITY;
                deadline = now + extension.toNanos();
            }
            changeVisibility(remaining, (int) extension.toSeconds());
        }

        private synchronized List<Message> drain() {
            List<Message> all = new ArrayList<>(held.values());
            held.clear();
            return all;
        }
    }

    Hold hold(List<Message> messages, long receivedAt) {
        Hold h = new Hold(messages, receivedAt);
        holds.add(h);
        return h;
    }

    /** How many messages this run holds now. */
    long count() {
        long n = 0;
        for (Hold h : holds) {
            n += h.size();
        }
        return n;
    }

    /** Called every tick: extends what is about to become visible while still held. */
    void keepAlive() throws InterruptedException {
        for (Hold h : holds) {
            if (h.empty()) {
                holds.remove(h);
            } else {
                h.keepAlive();
            }
        }
    }

    /** Releases everything still held (visibility 0); at the end of a run. */
    void releaseAll() throws InterruptedException {
        List<Message> all = new ArrayList<>();
        for (Hold h : holds) {
            all.addAll(h.drain());
        }
        holds.clear();
        changeVisibility(all, 0);
    }

    private void changeVisibility(List<Message> messages, int seconds) throws InterruptedException {
        for (List<Message> batch : Batches.split(messages, m -> 0)) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("v" + i)
                        .receiptHandle(batch.get(i).receiptHandle()).visibilityTimeout(seconds).build());
            }
            try {
                retry.run(entries, ChangeMessageVisibilityBatchRequestEntry::id,
                        es -> ops.changeVisibility(queueUrl, es), () -> { });
            } catch (SdkException e) {
                // Best effort: a message whose visibility cannot be changed becomes visible when it runs out.
            }
        }
    }
}
