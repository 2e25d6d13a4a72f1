package dev.sqsredrive.mover;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import dev.sqsredrive.aws.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The workers' receives from the DLQ. A failure worth retrying is answered with null after a back-off (cut
 * short when the run stops); the run fails after {@link Retry#MAX_ATTEMPTS} failed receives in a row, counted
 * across all workers, so a DLQ that keeps failing ends the run instead of being polled forever; unless the DLQ
 * then holds nothing but what this run holds: that is as good as an empty receive (everything moved, and only
 * the receives that would have told so failed).
 */
final class SourceReceiver {

    private final QueueOps ops;
    private final MoverConfig config;
    private final CountDownLatch stopSignal;
    private final LongSupplier notHeld;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    /** @param notHeld how many messages the DLQ holds that this run does not */
    SourceReceiver(QueueOps ops, MoverConfig config, CountDownLatch stopSignal, LongSupplier notHeld) {
        this.ops = ops;
        this.config = config;
        this.stopSignal = stopSignal;
        this.notHeld = notHeld;
    }

    /** @return the messages, or null after a failure worth retrying */
    List<Message> receive(int max, int waitSeconds) throws InterruptedException {
        try {
            List<Message> got = ops.receive(config.sourceUrl(), max, waitSeconds,
                    (int) config.visibilityTimeout().toSeconds());
            failuresInARow.set(0);
            return got;
        } catch (SdkException e) {
            int failures = failuresInARow.incrementAndGet();
            if (!AwsErrors.isRetryable(e)) {
                throw e;
            }
            if (failures >= Retry.MAX_ATTEMPTS) {
                if (nothingLeft()) {
                    return List.of();
                }
                throw e;
            }
            stopSignal.await(Retry.backoff(failures).toMillis(), TimeUnit.MILLISECONDS);
            return null;
        }
    }

    private boolean nothingLeft() {
        try {
            return notHeld.getAsLong() <= 0;
        } catch (SdkException e) {
            return false; // cannot tell: the receives' failure stands
        }
    }
}
