package dev.sqsredrive.mover.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/** A ticker that moves only when something sleeps on it (or a test advances it): waits run at once, exactly. */
final class FakeTime implements Ticker {

    private long nanos = 1_000_000_000L;
    final List<Duration> sleeps = new ArrayList<>();
    private Runnable onSleep = () -> { };

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }

    /** Runs {@code action} after each sleep, as another thread's work would happen during it. */
    void onSleep(Runnable action) {
        onSleep = action;
    }

    Sleeper sleeper() {
        return d -> {
            sleeps.add(d);
            advance(d);
            onSleep.run();
        };
    }
}
