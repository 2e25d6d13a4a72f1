package dev.sqsredrive.mover;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;


/**
 * The workers' receives from the DLQ. A failure worth retrying is answered with null after a back-off (cut
 * short when the run stops); the run fails after {@link Retry#MAX_ATTEMPTS} failed receives in a row, counted
 * across all workers, so a DLQ that keeps failing ends the run instead of being polled forever; unless the DLQ
 * then holds nothing but what this run holds: that is as good as an empty receive (everything moved, and only
 * the receives that would have told so failed).
 */
final class SourceReceiver {

    private final Source source;
    private final CallFailures failures;
    private final MoverConfig config;
    private final RunStop stop;
    private final LongSupplier notHeld;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    /** @param notHeld how many messages the DLQ holds that this run does not */
    SourceReceiver(Source source, CallFailures failures, MoverConfig config, RunStop stop, LongSupplier notHeld) {
        this.source = source;
        this.failures = failures;
        this.config = config;
        this.stop = stop;
        this.notHeld = notHeld;
    }

    /** @return the messages, or null after a failure worth retrying */
    List<Msg> receive(int max, int waitSeconds) throws InterruptedException {
        try {
            List<Msg> got = source.receive(max, waitSeconds, (int) config.visibilityTimeout().toSeconds());
            failuresInARow.set(0);
            return got;
        } catch (RuntimeException e) {
            CallFailure failure = failures.classify(e);
            if (failure == null) {
                throw e;
            }
            int inARow = failuresInARow.incrementAndGet();
            if (!failure.retryable()) {
                throw e;
            }
            if (inARow >= Retry.MAX_ATTEMPTS) {
                if (nothingLeft()) {
                    return List.of();
                }
                throw e;
            }
            stop.await(Retry.backoff(inARow)); // a back-off is a time, on the injected clock; a stop cuts it short
            return null;
        }
    }

    private boolean nothingLeft() {
        try {
            return notHeld.getAsLong() <= 0;
        } catch (RuntimeException e) {
            if (failures.classify(e) == null) {
                throw e;
            }
            return false; // cannot tell: the receives' failure stands
        }
    }
}
