package dev.sqsredrive.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.sqsredrive.testing.TestQueues;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Queues for one benchmark phase: a DLQ filled fast on several threads, and a destination. */
final class BenchQueues implements AutoCloseable {

    /**
     * What the messages look like: bodies of about {@code bodyBytes} ("INDEX:" then padding, so a census can
     * tell every message apart), and, when {@code attributes}, two message attributes a move must keep:
     * {@code origin} (String, "bench") and {@code seq} (Number, the index).
     */
    record Shape(int bodyBytes, boolean attributes) {
        /** A typical small event: the body size does not change the per-call costs the throughput phases measure. */
        static final Shape SMALL = new Shape(245, false);
        /** The latency phase's messages: 1 KiB, two attributes. */
        static final Shape KIB_WITH_ATTRIBUTES = new Shape(1024, true);

        String body(int index) {
            String prefix = index + ":";
            return prefix + "x".repeat(Math.max(0, bodyBytes - prefix.length()));
        }
    }

    private final TestQueues queues;
    final TestQueues.Queue dlq;
    final TestQueues.Queue dest;

    BenchQueues(URI endpoint, String region, String phase) {
        this.queues = new TestQueues(endpoint, region);
        this.dlq = queues.create(phase + "-dlq");
        this.dest = queues.createSourceOf(phase + "-dest", dlq, false);
    }

    TestQueues queues() {
        return queues;
    }

    void fill(int messages) throws Exception {
        fill(messages, Shape.SMALL);
    }

    void fill(int messages, Shape shape) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int start = 0; start < messages; start += 1000) {
                int from = start;
                int to = Math.min(messages, start + 1000);
                done.add(pool.submit(() -> {
                    for (int i = from; i < to; i += 10) {
                        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                        for (int j = i; j < Math.min(to, i + 10); j++) {
                            var entry = SendMessageBatchRequestEntry.builder().id("m" + (j - i))
                                    .messageBody(shape.body(j));
                            if (shape.attributes()) {
                                entry.messageAttributes(Map.of(
                                        "origin", attribute("String", "bench"),
                                        "seq", attribute("Number", String.valueOf(j))));
                            }
                            batch.add(entry.build());
                        }
                        queues.sqs().sendMessageBatch(r -> r.queueUrl(dlq.url()).entries(batch));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        if (queues.depth(dlq) != messages) {
            throw new IllegalStateException("filled " + queues.depth(dlq) + " of " + messages);
        }
    }

    static MessageAttributeValue attribute(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    long destDepth() {
        return queues.depth(dest);
    }

    long dlqDepth() {
        return queues.depth(dlq);
    }

    @Override
    public void close() {
        queues.sqs().deleteQueue(r -> r.queueUrl(dlq.url()));
        queues.sqs().deleteQueue(r -> r.queueUrl(dest.url()));
        queues.close();
    }
}
