package dev.sqsredrive.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.time.Sleeper;

/**
 * A clock that only moves when something sleeps on it: polling loops run instantly and exactly. It can also
 * run an action when it is next read, to place another process's write at an exact point of the code.
 */
final class FakeClock extends Clock {

    private Instant now;
    private Runnable beforeNextRead;
    final List<Duration> sleeps = new ArrayList<>();

    FakeClock(Instant start) {
        this.now = start;
    }

    Sleeper sleeper() {
        return d -> {
            sleeps.add(d);
            now = now.plus(d);
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Runs {@code action} the next time the clock is read, once. */
    void beforeNextRead(Runnable action) {
        beforeNextRead = action;
    }

    /** Whether the action given to {@link #beforeNextRead} ran. */
    boolean ranBeforeRead() {
        return beforeNextRead == null;
    }

    @Override
    public Instant instant() {
        Runnable action = beforeNextRead;
        if (action != null) {
            beforeNextRead = null;
            action.run();
        }
        return now;
    }
}
