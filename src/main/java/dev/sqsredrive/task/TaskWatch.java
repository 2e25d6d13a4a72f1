package dev.sqsredrive.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import dev.sqsredrive.time.Sleeper;

/** Polls a task until it reaches a terminal status or the timeout passes. */
public final class TaskWatch {

    /**
     * @param last     the task as last seen
     * @param timedOut true when the timeout passed before a terminal status
     */
    public record Result(MoveTask last, boolean timedOut) {
    }

    private final Clock clock;
    private final Sleeper sleeper;

    public TaskWatch(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param timeout  null to wait for as long as the task runs
     * @param onChange called with the first state and with every state that differs from the one before
     */
    public Result run(TaskTracker tracker, Duration interval, Duration timeout, Consumer<MoveTask> onChange)
            throws InterruptedException {
        return run(tracker, interval, timeout, now -> { }, onChange);
    }

    /** As above, and {@code onPoll} sees every poll first, changed or not (a guard that reads at each poll). */
    public Result run(TaskTracker tracker, Duration interval, Duration timeout, Consumer<MoveTask> onPoll,
                      Consumer<MoveTask> onChange) throws InterruptedException {
        MoveTask[] previous = {null};
        return follow(tracker, interval, timeout, now -> {
            onPoll.accept(now);
            if (!Objects.equals(now, previous[0])) {
                onChange.accept(now);
                previous[0] = now;
            }
        });
    }

    /**
     * As {@link #run}, but {@code onPoll} sees every poll, changed or not: a live view needs the quiet
     * polls too, to show a rate falling to zero when nothing moves.
     */
    public Result follow(TaskTracker tracker, Duration interval, Duration timeout, Consumer<MoveTask> onPoll)
            throws InterruptedException {
        Instant deadline = deadline(clock.instant(), timeout);
        while (true) {
            MoveTask now = tracker.poll();
            onPoll.accept(now);
            if (now.status().terminal()) {
                return new Result(now, false);
            }
            Instant current = clock.instant();
            if (deadline != null && !current.isBefore(deadline)) {
                return new Result(now, true);
            }
            Duration wait = deadline == null ? interval : min(interval, Duration.between(current, deadline));
            sleeper.sleep(wait);
        }
    }

    /** Null (no deadline) without a timeout, or when the timeout reaches past the end of time. */
    private static Instant deadline(Instant now, Duration timeout) {
        if (timeout == null) {
            return null;
        }
        try {
            return now.plus(timeout);
        } catch (java.time.DateTimeException | ArithmeticException beyondInstantMax) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
