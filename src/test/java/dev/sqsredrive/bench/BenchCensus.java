package dev.sqsredrive.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.testing.TestQueues;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Every message of a benchmark run, counted after it by the index its body starts with ({@link BenchQueues.Shape}):
 * both queues drained on several threads (receive, delete in batches), messages still in flight in the DLQ waited
 * for until they are visible again (bounded: {@link #IN_FLIGHT_WAIT} without progress). Lost: an index found in
 * neither queue; duplicated: copies beyond the first of an index, over both queues; altered: a copy in the
 * destination without the attributes it was sent with.
 */
record BenchCensus(int messages, int lost, int duplicated, long altered, long inDestination, long inDlq) {

    private static final int THREADS = 4;
    /** Longer than any visibility timeout a benchmarked tool leaves on a message it held (the raw loop's 60 s). */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(90);

    static BenchCensus take(BenchQueues q, int messages, BenchQueues.Shape shape) throws Exception {
        AtomicIntegerArray copies = new AtomicIntegerArray(messages);
        AtomicLong altered = new AtomicLong();
        long inDest = drain(q.queues(), q.dest, m -> {
            int index = record(copies, m);
            if (shape.attributes() && index >= 0 && !attributesKept(m.messageAttributes(), index)) {
                altered.incrementAndGet();
            }
        });
        long inDlq = drain(q.queues(), q.dlq, m -> record(copies, m));
        int lost = 0;
        int duplicated = 0;
        for (int i = 0; i < messages; i++) {
            lost += copies.get(i) == 0 ? 1 : 0;
            duplicated += Math.max(0, copies.get(i) - 1);
        }
        return new BenchCensus(messages, lost, duplicated, altered.get(), inDest, inDlq);
    }

    boolean clean() {
        return lost == 0 && duplicated == 0 && altered == 0;
    }

    private static int record(AtomicIntegerArray copies, Message m) {
        String body = m.body();
        int colon = body.indexOf(':');
        int index = colon > 0 ? Integer.parseInt(body.substring(0, colon)) : -1;
        if (index < 0 || index >= copies.length()) {
            throw new IllegalStateException("a message the benchmark did not send: " + body);
        }
        copies.incrementAndGet(index);
        return index;
    }

    private static boolean attributesKept(Map<String, MessageAttributeValue> a, int index) {
        return a.size() == 2 && is(a.get("origin"), "String", "bench") && is(a.get("seq"), "Number", "" + index);
    }

    private static boolean is(MessageAttributeValue v, String type, String value) {
        return v != null && type.equals(v.dataType()) && value.equals(v.stringValue());
    }

    /** Receives and deletes everything the queue holds, waiting out messages in flight; returns the count. */
    private static long drain(TestQueues queues, TestQueues.Queue queue, java.util.function.Consumer<Message> each)
            throws Exception {
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    boolean waitForMore = false;
                    long idleSince = System.nanoTime();
                    while (!waitForMore || queues.depth(queue) > 0) {
                        if (System.nanoTime() - idleSince > IN_FLIGHT_WAIT.toNanos()) {
                            throw new IllegalStateException(queue.name() + " still holds " + queues.depth(queue)
                                    + " messages after " + IN_FLIGHT_WAIT + " without one becoming visible");
                        }
                        int wait = waitForMore ? 1 : 0; // a long poll while others' messages are in flight
                        List<Message> got = queues.sqs().receiveMessage(r -> r.queueUrl(queue.url())
                                .maxNumberOfMessages(10).waitTimeSeconds(wait).visibilityTimeout(300)
                                .messageAttributeNames("All")).messages();
                        waitForMore = got.isEmpty();
                        if (got.isEmpty()) {
                            continue;
                        }
                        idleSince = System.nanoTime();
                        got.forEach(each);
                        count.addAndGet(got.size());
                        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
                        for (int i = 0; i < got.size(); i++) {
                            deletes.add(DeleteMessageBatchRequestEntry.builder().id("d" + i)
                                    .receiptHandle(got.get(i).receiptHandle()).build());
                        }
                        queues.sqs().deleteMessageBatch(r -> r.queueUrl(queue.url()).entries(deletes));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return count.get();
    }
}
