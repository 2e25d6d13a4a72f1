package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.time.Sleeper;

/**
 * A sleeper for tests whose clock stands still: back-offs pass at once, and a wait for an event (the final
 * release's calls ending) ends on the event, bounded by the real time asked for.
 */
final class NoBackoff implements Sleeper {

    @Override
    public void sleep(Duration d) {
    }

    @Override
    public boolean sleepUntil(CountDownLatch event, Duration atMost) throws InterruptedException {
        return event.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
    }
}
