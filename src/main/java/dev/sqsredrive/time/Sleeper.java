package dev.sqsredrive.time;

import java.time.Duration;

/** Waits; a seam so that polling loops run in tests on a fake clock without real sleeps. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration d) throws InterruptedException;

    static Sleeper real() {
        return d -> Thread.sleep(Math.max(0, d.toMillis()));
    }
}
