package dev.sqsredrive.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.sqsredrive.testing.TestQueues;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Queues for one benchmark phase: a DLQ filled fast on several threads, and a destination. */
final class BenchQueues implements AutoCloseable {

    /** A typical small event: the body size does not change the per-call costs this measures. */
    private static final String PAYLOAD = "x".repeat(240);

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
                            batch.add(SendMessageBatchRequestEntry.builder().id("m" + (j - i))
                                    .messageBody(j + ":" + PAYLOAD).build());
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
