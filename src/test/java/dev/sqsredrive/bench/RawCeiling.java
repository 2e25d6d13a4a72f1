package dev.sqsredrive.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The raw ceiling: the least work that moves messages (receive 10, send them as a batch, delete them as a
 * batch), on N threads, with nothing of the mover's care (no journal, no per-entry checks, no rate limit).
 * Runs as its own process, like the mover, so both pay the same JVM costs.
 * <p>
 * Usage: {@code RawCeiling ENDPOINT SOURCE_URL DEST_URL THREADS MESSAGES}; prints the seconds it took.
 */
public final class RawCeiling {

    private RawCeiling() {
    }

    /**
     * The command line of one run in its own JVM, with the launcher's collector but the JVM's default compilers
     * (C1 and C2), where the launcher runs C1 only: a ceiling the mover's own flags do not lower.
     */
    static List<String> command(URI endpoint, String source, String dest, int threads, int messages) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), RawCeiling.class.getName(),
                endpoint.toString(), source, dest, String.valueOf(threads), String.valueOf(messages));
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String source = args[1];
        String dest = args[2];
        int threads = Integer.parseInt(args[3]);
        long target = Long.parseLong(args[4]);
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                // the tool's HTTP client, with a connection for every thread, so neither side is starved of connections
                .httpClient(ApacheHttpClient.builder().maxConnections(threads).build()).build()) {
            AtomicLong moved = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> loop(sqs, source, dest, moved, target)));
            }
            for (Thread w : workers) {
                w.join();
            }
            System.out.printf("%d %.3f%n", moved.get(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static void loop(SqsClient sqs, String source, String dest, AtomicLong moved, long target) {
        while (moved.get() < target) {
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(source).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(60).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER)).messages();
            if (got.isEmpty()) {
                continue;
            }
            List<SendMessageBatchRequestEntry> sends = new ArrayList<>();
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (int i = 0; i < got.size(); i++) {
                Message m = got.get(i);
                sends.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(m.body())
                        .messageAttributes(m.messageAttributes()).build());
                deletes.add(DeleteMessageBatchRequestEntry.builder().id("e" + i).receiptHandle(m.receiptHandle())
                        .build());
            }
            sqs.sendMessageBatch(r -> r.queueUrl(dest).entries(sends));
            sqs.deleteMessageBatch(r -> r.queueUrl(source).entries(deletes));
            moved.addAndGet(got.size());
        }
    }
}
