package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.sqsredrive.time.Ticker;

/**
 * Holds each send back until the rate limiter lets it go; a wait is cut short when the run is told to stop
 * and what it has not sent stays in the DLQ (cancel, interrupt, error, returns past the breaker), but not by
 * --limit: sends under way still keep the rate.
 */
final class RatePacer implements SendGuard {

    private final RateLimiter limiter;
    private final Ticker ticker;
    private final CountDownLatch stopSignal;
    private final BooleanSupplier unsentStays;
    /** The send this worker was last admitted for, to report sent() (each worker awaits and sends itself). */
    private final ThreadLocal<RateLimiter.Admission> admitted = new ThreadLocal<>();

    /** @param limiter null: no --rate, nothing to wait for */
    RatePacer(RateLimiter limiter, Ticker ticker, CountDownLatch stopSignal, BooleanSupplier unsentStays) {
        this.limiter = limiter;
        this.ticker = ticker;
        this.stopSignal = stopSignal;
        this.unsentStays = unsentStays;
    }

    /**
     * Waits until n messages may be sent; false when what is not sent must stay in the DLQ (the tokens are
     * given back). Called right before each send, so the rate holds on the wire, and idle workers never wait
     * on tokens they would not use.
     */
    @Override
    public boolean await(int n) throws InterruptedException {
        if (limiter == null) {
            return !unsentStays.getAsBoolean();
        }
        // The reservation keeps the long-run rate; admit() then keeps each second's count, however late this
        // worker woke up (on a busy machine, or after a GC) and however long sends take.
        Duration wait = limiter.reserve(n);
        while (true) {
            if (!waitOut(wait) || unsentStays.getAsBoolean()) {
                limiter.refund(n);
                return false;
            }
            RateLimiter.Admission admission = limiter.admit(n);
            if (admission.admitted()) {
                admitted.set(admission);
                return true;
            }
            wait = admission.waitFor();
        }
    }

    @Override
    public void sent() {
        RateLimiter.Admission admission = admitted.get();
        if (admission != null) {
            admitted.remove();
            limiter.sent(admission);
        }
    }

    /** @return false if woken to release */
    private boolean waitOut(Duration wait) throws InterruptedException {
        if (wait.isZero()) {
            return true;
        }
        long due = ticker.nanos() + wait.toNanos();
        if (stopSignal.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            if (unsentStays.getAsBoolean()) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(due - ticker.nanos()); // woken by --limit: the rate still holds
        }
        return true;
    }
}
