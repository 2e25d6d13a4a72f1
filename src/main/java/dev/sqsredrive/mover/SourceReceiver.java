package dev.sqsredrive.mover;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.sqsredrive.time.Ticker;


/**
 * The workers' receives from the DLQ. A failure worth retrying is answered with null after a back-off (cut
 * short when the run stops); the run fails after {@link Retry#MAX_ATTEMPTS} rounds of failed receives in a
 * row, counted across all workers, so a DLQ that keeps failing ends the run instead of being polled forever;
 * unless the DLQ then holds nothing but what this run holds: that is as good as an empty receive (everything
 * moved, and only the receives that would have told so failed). A round is the receives made before its first
 * failure was seen: 128 workers whose receives fail in one blip (connections dropped at once) are one failure,
 * not the whole run's eight: counted one by one, a single blip ended a run with hundreds of sends in doubt.
 */
final class SourceReceiver {

    private final Source source;
    private final CallFailures failures;
    private final MoverConfig config;
    private final RunStop stop;
    private final LongSupplier notHeld;
    private final Ticker ticker;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    /** When the last failure that counted was seen; a receive made before it failed in the same round. */
    private final AtomicLong lastCountedFailure = new AtomicLong(Long.MIN_VALUE);

    /** @param notHeld how many messages the DLQ holds that this run does not */
    SourceReceiver(Source source, CallFailures failures, MoverConfig config, RunStop stop, LongSupplier notHeld,
                   Ticker ticker) {
        this.ticker = ticker;
        this.source = source;
        this.failures = failures;
        this.config = config;
        this.stop = stop;
        this.notHeld = notHeld;
    }

    /** @return the messages, or null after a failure worth retrying */
    List<Msg> receive(int max, int waitSeconds) throws InterruptedException {
        long askedAt = ticker.nanos();
        try {
            List<Msg> got = source.receive(max, waitSeconds, (int) config.visibilityTimeout().toSeconds());
            failuresInARow.set(0);
            return got;
        } catch (RuntimeException e) {
            CallFailure failure = failures.classify(e);
            if (failure == null) {
                throw e;
            }
            int inARow = counts(askedAt) ? failuresInARow.incrementAndGet() : Math.max(1, failuresInARow.get());
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

    /** Whether a failed receive asked at this time starts a new round (and takes the seen time for it). */
    private boolean counts(long askedAt) {
        long last = lastCountedFailure.get();
        return askedAt > last && lastCountedFailure.compareAndSet(last, ticker.nanos());
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
