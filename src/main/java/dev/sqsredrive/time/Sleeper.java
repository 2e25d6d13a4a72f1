package dev.sqsredrive.time;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits; a seam so that polling loops run in tests on a fake clock without real sleeps. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration d) throws InterruptedException;

    /**
     * Waits until {@code event} opens, for at most {@code atMost}: a wait that has a time of its own (a tick,
     * a rate's turn, a stop's grace) and is cut short by an event. A fake sleeper passes the time at once and
     * reports whether the event has happened by then.
     *
     * @return true when the event happened
     */
    default boolean sleepUntil(CountDownLatch event, Duration atMost) throws InterruptedException {
        if (event.getCount() == 0) {
            return true;
        }
        sleep(atMost);
        return event.getCount() == 0;
    }

    /** The real one: the only place a run waits on the system's clock. */
    static Sleeper real() {
        return new Sleeper() {
            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(Math.max(0, d.toMillis()));
            }

            @Override
            public boolean sleepUntil(CountDownLatch event, Duration atMost) throws InterruptedException {
                return event.await(Math.max(0, atMost.toNanos()), TimeUnit.NANOSECONDS);
            }
        };
    }
}
