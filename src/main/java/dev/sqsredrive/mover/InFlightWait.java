package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.function.LongSupplier;

import dev.sqsredrive.time.Ticker;

/**
 * After a crash: the DLQ looks drained, but the dead run's messages are still hidden by their visibility
 * timeout and come back only when it runs out. Decides whether to wait for them, for at most
 * {@link #MAX_WAIT} (long enough for what a killed run held, or parked, to become visible again).
 */
final class InFlightWait {

    static final Duration MAX_WAIT = HeldMessages.PARKED_VISIBILITY.plus(MoverConfig.DEFAULT_VISIBILITY);

    private final LongSupplier queueHolds;
    private final LongSupplier thisRunHolds;
    private final Ticker ticker;
    private final CallFailures failures;
    private long deadline;

    /**
     * @param queueHolds   what the DLQ holds, visible or not (visible ones may have come back just after the
     *                     last empty receive)
     * @param thisRunHolds what this run holds itself
     * @param failures     what a failed count means
     */
    InFlightWait(LongSupplier queueHolds, LongSupplier thisRunHolds, Ticker ticker, CallFailures failures) {
        this.queueHolds = queueHolds;
        this.thisRunHolds = thisRunHolds;
        this.ticker = ticker;
        this.failures = failures;
    }

    /** True to keep moving: the DLQ still holds messages this run has not received, and time is left. */
    boolean keepWaiting(ProgressListener listener) {
        long elsewhere;
        try {
            elsewhere = queueHolds.getAsLong() - thisRunHolds.getAsLong();
        } catch (RuntimeException e) {
            if (failures.classify(e) == null) {
                throw e;
            }
            return false; // cannot tell: stop waiting, and let the final count say so
        }
        if (elsewhere <= 0) {
            return false;
        }
        long now = ticker.nanos();
        if (deadline == 0) {
            deadline = now + MAX_WAIT.toNanos();
            listener.onWaitingForInFlight(elsewhere, MAX_WAIT);
        }
        return now <= deadline;
    }
}
