package dev.sqsredrive.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it: polling loops run instantly and exactly. */
final class FakeClock extends Clock {

    private Instant now;
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

    @Override
    public Instant instant() {
        return now;
    }
}
