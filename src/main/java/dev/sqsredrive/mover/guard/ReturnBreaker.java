package dev.sqsredrive.mover.guard;

import java.time.Duration;
import java.util.Locale;

/**
 * The circuit breaker on returned messages (docs/MOVER.md, "Safe redrive"): when more of the moved messages
 * came back to the DLQ than {@link MaxReturned} allows, the run stops receiving, finishes the calls under way and ends
 * FAILED (exit 4) with {@link #message}; what it holds and has not sent stays in the DLQ.
 * <p>
 * Where it is consulted: the receive stage, as soon as a receive arrives and its returned messages (hits in
 * {@link MovedIds}) are counted, and before each receive, asks {@link #tripped(long, long)} with the run's
 * moved and returned counts; once it answers true it keeps answering true, the receive stage stops, a send
 * waiting for its turn under --rate is not made, and the deletes of what was sent go on. The native watcher asks the same question with the task's moved count and the DLQ's
 * depth growth ({@link DepthGrowth}).
 * <p>
 * Thread-safe: the trip is a latch read and set by any worker.
 */
public final class ReturnBreaker {

    private final MaxReturned bound;
    private volatile boolean tripped;

    public ReturnBreaker(MaxReturned bound) {
        this.bound = bound;
    }

    public MaxReturned bound() {
        return bound;
    }

    /** True once more came back than the bound allows; stays true from then on. */
    public boolean tripped(long moved, long returned) {
        if (!tripped && bound.exceeded(moved, returned)) {
            tripped = true;
        }
        return tripped;
    }

    public boolean tripped() {
        return tripped;
    }

    /** The one line that says why the run stopped; {@code within} is the time since the first move. */
    public static String message(long moved, long returned, Duration within) {
        return String.format(Locale.ROOT, "%,d of the %,d messages moved came back to the DLQ within %s: its"
                + " consumer is still failing them; the rest stay in the DLQ", returned, moved, span(within));
    }

    /** 42 s, 5 min 3 s, 2 h 5 min: a span as a person reads it in a sentence. */
    static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
        }
        long min = (s % 3600) / 60;
        return min == 0 ? s / 3600 + " h" : s / 3600 + " h " + min + " min";
    }
}
