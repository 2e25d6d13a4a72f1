package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/**
 * Why and by when a run stops, shared by the workers, the ticking thread and whoever cancels: the first reason
 * given is the one reported, except that a cancel, an interrupt or an error overrides "drained" (which the
 * run may still take back); the first error is the one reported.
 */
final class RunStop {

    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Duration grace;
    private final AtomicReference<StopReason> reason = new AtomicReference<>();
    private final CountDownLatch signal = new CountDownLatch(1);
    private final AtomicLong stopBy = new AtomicLong(Long.MAX_VALUE);
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private volatile boolean ended;
    private volatile Runnable onStop = () -> { };

    /** @param grace after a stop that releases: how long work under way may still take */
    RunStop(Ticker ticker, Sleeper sleeper, Duration grace) {
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.grace = grace;
    }

    /** Runs on every stop, "drained" too: e.g. wakes the workers waiting for their turn (ConcurrencyLimit). */
    void onStop(Runnable r) {
        this.onStop = r;
    }

    /** Safe from any thread. */
    void stop(StopReason r) {
        if (r == StopReason.DRAINED) {
            reason.compareAndSet(null, r); // soft: workers see it between batches; only waiting turns wake
            onStop.run();
            return;
        }
        StopReason current = reason.get();
        while ((current == null || current == StopReason.DRAINED) && !reason.compareAndSet(current, r)) {
            current = reason.get();
        }
        if (r != StopReason.LIMIT) {
            stopBy.compareAndSet(Long.MAX_VALUE, ticker.nanos() + grace.toNanos());
        }
        signal.countDown();
        onStop.run();
    }

    /** The first error stops the run and is the one reported; a worker left behind after the end is not heard. */
    void fail(RuntimeException e) {
        if (!ended && fatal.compareAndSet(null, e)) {
            stop(StopReason.FATAL);
        }
    }

    StopReason reason() {
        return reason.get();
    }

    /** The DLQ looked drained but the run goes on: true when nothing else asked it to stop meanwhile. */
    boolean takeBackDrained() {
        return reason.compareAndSet(StopReason.DRAINED, null);
    }

    /** Cancel, interrupt or error: what is held and not sent must be released at once. */
    boolean releaseRequested() {
        StopReason r = reason.get();
        return r == StopReason.CANCELLED || r == StopReason.INTERRUPTED || r == StopReason.FATAL;
    }

    /**
     * What is held and waits for its turn to be sent stays in the DLQ: on a release, and when the breaker or
     * the canary stopped the run (their line says "the rest stay in the DLQ": a send that waited out the rate
     * after the trip would make that false).
     */
    boolean unsentStays() {
        return releaseRequested() || reason.get() == StopReason.RETURNED;
    }

    /** Ticker time after which no retry starts and no worker is waited for; Long.MAX_VALUE until a stop. */
    long stopBy() {
        return stopBy.get();
    }

    /**
     * A pause of its own length (a tick, a pause between empty receives), on the injected clock, cut short
     * by a stop (but not by "drained").
     *
     * @return true when the run was told to stop
     */
    boolean await(Duration d) throws InterruptedException {
        return sleeper.sleepUntil(signal, d);
    }

    CountDownLatch signal() {
        return signal;
    }

    RuntimeException fatal() {
        return fatal.get();
    }

    /** The run has ended: a worker still under way is no longer heard. */
    void end() {
        ended = true;
    }
}
