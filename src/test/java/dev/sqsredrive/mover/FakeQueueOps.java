package dev.sqsredrive.mover;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.sqsredrive.mover.sqs.QueueOps;
import dev.sqsredrive.mover.sqs.SqsEndpoint;
import dev.sqsredrive.mover.sqs.SqsMessages;

import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Answers the mover's SQS calls from a script, for the AWS behaviour no local server shows: per-entry
 * throttling, sender faults, lost answers. Records every call so tests can check what was sent and deleted.
 */
final class FakeQueueOps implements QueueOps {

    final List<List<SendMessageBatchRequestEntry>> sends = new ArrayList<>();
    final List<List<DeleteMessageBatchRequestEntry>> deletes = new ArrayList<>();
    final List<ChangeMessageVisibilityBatchRequestEntry> visibilityChanges = new ArrayList<>();
    final Deque<List<Message>> receives = new ArrayDeque<>();
    /** Thrown by the next receives, in order, before any scripted answer. */
    final Deque<RuntimeException> receiveErrors = new ArrayDeque<>();
    /** One answer per send call, in order; when empty every entry succeeds. */
    final Deque<Function<List<SendMessageBatchRequestEntry>, BatchResult>> sendScript = new ArrayDeque<>();
    /** One answer per delete call, in order; when empty every entry succeeds. */
    final Deque<Function<List<DeleteMessageBatchRequestEntry>, BatchResult>> deleteScript = new ArrayDeque<>();
    /** When set, every delete fails as a whole with this error. */
    RuntimeException deleteError;
    /** When set, every visibility change fails as a whole with this error (after being recorded). */
    volatile RuntimeException visibilityError;
    /** Visibility changes wait until this opens: an endpoint that does not answer them. */
    volatile CountDownLatch visibilityGate = new CountDownLatch(0);
    /** Extensions (visibility above 0) wait until this opens too: a call under way while others are answered. */
    volatile CountDownLatch extensionGate = new CountDownLatch(0);
    /** Visibility changes that reached the endpoint, answered or not. */
    final AtomicInteger visibilityCallsArrived = new AtomicInteger();
    /** Runs as each send reaches the "server": what was true at that moment can be recorded. */
    Runnable beforeSend = () -> { };

    @Override
    public synchronized List<Message> receive(String queueUrl, int max, int waitSeconds, int visibility) {
        if (!receiveErrors.isEmpty()) {
            throw receiveErrors.poll();
        }
        return receives.isEmpty() ? List.of() : receives.poll();
    }

    @Override
    public synchronized BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries) {
        sends.add(List.copyOf(entries));
        beforeSend.run();
        return sendScript.isEmpty() ? allOk(entries, SendMessageBatchRequestEntry::id)
                : sendScript.poll().apply(entries);
    }

    @Override
    public synchronized BatchResult delete(String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
        deletes.add(List.copyOf(entries));
        if (deleteError != null) {
            throw deleteError;
        }
        return deleteScript.isEmpty() ? allOk(entries, DeleteMessageBatchRequestEntry::id)
                : deleteScript.poll().apply(entries);
    }

    @Override
    public BatchResult changeVisibility(String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries) {
        visibilityCallsArrived.incrementAndGet();
        try {
            if (entries.stream().anyMatch(e -> e.visibilityTimeout() > 0)) {
                extensionGate.await();
            }
            visibilityGate.await(); // outside the lock: a stuck call holds up only its own caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            visibilityChanges.addAll(entries);
            if (visibilityError != null) {
                throw visibilityError;
            }
            return allOk(entries, ChangeMessageVisibilityBatchRequestEntry::id);
        }
    }

    synchronized int visibilityCalls() {
        return visibilityChanges.size();
    }

    @Override
    public long approximateMessages(String queueUrl) {
        return 0;
    }

    synchronized List<String> deletedReceiptHandles() {
        return deletes.stream().flatMap(List::stream).map(DeleteMessageBatchRequestEntry::receiptHandle).toList();
    }

    synchronized List<String> sentBodies() {
        return sends.stream().flatMap(List::stream).map(SendMessageBatchRequestEntry::messageBody).toList();
    }

    static <E> BatchResult allOk(List<E> entries, Function<E, String> id) {
        Set<String> ok = new HashSet<>();
        entries.forEach(e -> ok.add(id.apply(e)));
        return new BatchResult(ok, Map.of());
    }

    /** An answer that fails the entries whose body is in failBodies with the given error. */
    static Function<List<SendMessageBatchRequestEntry>, BatchResult> failing(Set<String> failBodies, EntryError error) {
        return failing(SendMessageBatchRequestEntry::id, e -> failBodies.contains(e.messageBody()), error);
    }

    /** A delete's answer that fails the entries whose receipt handle is in handles with the given error. */
    static Function<List<DeleteMessageBatchRequestEntry>, BatchResult> failingDeletes(Set<String> handles,
                                                                                     EntryError error) {
        return failing(DeleteMessageBatchRequestEntry::id, e -> handles.contains(e.receiptHandle()), error);
    }

    private static <E> Function<List<E>, BatchResult> failing(Function<E, String> idOf, Predicate<E> fails,
                                                              EntryError error) {
        return entries -> {
            Set<String> ok = new HashSet<>();
            Map<String, EntryError> failed = new HashMap<>();
            for (E e : entries) {
                if (fails.test(e)) {
                    failed.put(idOf.apply(e), error);
                } else {
                    ok.add(idOf.apply(e));
                }
            }
            return new BatchResult(ok, failed);
        };
    }

    static Message message(String id, String body) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body(body).build();
    }

    /** The same message as the mover sees it, through the SQS kind's mapping. */
    static Msg msg(String id, String body) {
        return SqsMessages.from(message(id, body));
    }

    /** These scripted calls as the SQS kind the mover works on. */
    SqsEndpoint endpoint() {
        return new SqsEndpoint(this);
    }
}
