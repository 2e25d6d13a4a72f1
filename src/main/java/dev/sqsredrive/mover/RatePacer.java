package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/**
 * Holds each send back until the rate limiter lets it go; a wait is cut short when the run is told to stop
 * and what it has not sent stays in the DLQ (cancel, interrupt, error, returns past the breaker), but not by
 * --limit: sends under way still keep the rate.
 */
final class RatePacer implements SendGuard {

    private final RateLimiter limiter;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final CountDownLatch stopSignal;
    private final BooleanSupplier unsentStays;

    /** @param limiter null: no --rate, nothing to wait for */
    RatePacer(RateLimiter limiter, Ticker ticker, Sleeper sleeper, CountDownLatch stopSignal,
              BooleanSupplier unsentStays) {
        this.limiter = limiter;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.stopSignal = stopSignal;
        this.unsentStays = unsentStays;
    }

    /**
     * Waits until n messages may be sent; false when what is not sent must stay in the DLQ (the tokens are
     * given back). Called right before each send, so the rate holds on the wire, and idle workers never wait
     * on tokens they would not use.
     */
    @Override
    public Admission await(int n) throws InterruptedException {
        if (limiter == null) {
            return unsentStays.getAsBoolean() ? Admission.REFUSED : Admission.GO;
        }
        // The reservation keeps the long-run rate; admit() then keeps each second's count, however late this
        // worker woke up (on a busy machine, or after a GC) and however long sends take.
        Duration wait = limiter.reserve(n);
        while (true) {
            if (!waitOut(wait) || unsentStays.getAsBoolean()) {
                limiter.refund(n);
                return Admission.REFUSED;
            }
            RateLimiter.Admission admission = limiter.admit(n);
            if (admission.admitted()) {
                return Admission.of(() -> limiter.sent(admission));
            }
            wait = admission.waitFor();
        }
    }

    /**
     * A turn is a time, so this wait is timed, on the injected clock; a stop is the event that cuts it short.
     *
     * @return false if woken to release
     */
    private boolean waitOut(Duration wait) throws InterruptedException {
        if (wait.isZero()) {
            return true;
        }
        long due = ticker.nanos() + wait.toNanos();
        if (sleeper.sleepUntil(stopSignal, wait)) {
            if (unsentStays.getAsBoolean()) {
                return false;
            }
            long left = due - ticker.nanos();
            if (left > 0) {
                sleeper.sleep(Duration.ofNanos(left)); // woken by --limit: the rate still holds
            }
        }
        return true;
    }
}
