package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.List;

/**
 * How one client-side move runs.
 *
 * @param sourceUrl         the DLQ
 * @param sourceArn         the DLQ's ARN
 * @param rate              messages per second, any positive number; null for as fast as the queues allow
 * @param concurrency       workers, each receiving, sending and deleting one batch at a time
 * @param limit             stop after this many messages moved; null for all
 * @param copy              send without deleting
 * @param dryRun            count and sample what would move; move nothing
 * @param filters           all must match for a message to move
 * @param visibilityTimeout how long a received message stays hidden; extended while still held
 * @param waitSeconds       long-poll wait of each receive; an empty answer after it means the DLQ is drained
 * @param tick              how often progress is reported and held messages' visibility checked
 * @param awaitInFlight     when the DLQ looks drained but holds messages in flight that this run does not
 *                          (an earlier run on it stopped without finishing), wait for them to come back
 */
public record MoverConfig(String sourceUrl, String sourceArn, Double rate, int concurrency, Long limit,
                          boolean copy, boolean dryRun, List<MessageFilter> filters, Duration visibilityTimeout,
                          int waitSeconds, Duration tick, boolean awaitInFlight) {

    public static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(30);
    public static final int DEFAULT_WAIT_SECONDS = 1;
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);

    /**
     * Messages per receive: 10, or fewer under a slow rate so that one batch stays a small burst.
     */
    public int batchSize() {
        if (rate == null) {
            return Batches.MAX_ENTRIES;
        }
        return (int) Math.max(1, Math.min(Batches.MAX_ENTRIES, Math.floor(rate)));
    }
}
