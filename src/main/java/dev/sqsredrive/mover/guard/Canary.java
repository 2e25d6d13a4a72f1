package dev.sqsredrive.mover.guard;

import java.time.Duration;
import java.util.Locale;

import dev.sqsredrive.time.Ticker;

/**
 * {@code --canary N [--canary-wait DURATION]}: move N messages, wait, watching the DLQ for their return, and go
 * on only if none came back (or, with {@code --max-returned} given, no more than it allows for N).
 * <p>
 * Where it is consulted: the receive stage asks {@link #permits()} before each receive and takes no more
 * than that (0 while waiting: it holds nothing, so the DLQ's depth and ids show only returns); the send stage
 * reports {@link #moved} per confirmed entry; the receive stage (a {@link MovedIds} hit) or a
 * {@link DepthGrowth} reading reports {@link #back}; when the DLQ ran dry before N, {@link #noMoreToMove}.
 * The mover polls {@link #phase()} while waiting, shows {@link #viewLine()} in the live view, prints
 * {@link #verdict()} once on PASSED or FAILED, and on FAILED ends FAILED (exit 4).
 * Thread-safe: every method holds the canary's lock.
 */
public final class Canary {

    public enum Phase { MOVING, WAITING, PASSED, FAILED }

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final long size;
    private final Duration wait;
    private final long allowedBack;
    private final Ticker ticker;
    private Phase phase = Phase.MOVING;
    private long moved;
    private long back;
    private long firstMoveAt;
    private long waitEndsAt;

    /** @param allowedBack how many of the canary's messages may come back and it still passes */
    public Canary(long size, Duration wait, long allowedBack, Ticker ticker) {
        if (size < 1) {
            throw new IllegalArgumentException("a canary of " + size + " messages");
        }
        this.size = size;
        this.wait = wait;
        this.allowedBack = allowedBack;
        this.ticker = ticker;
    }

    /** None may come back unless {@code --max-returned} was given: then what it allows for N moved. */
    public static Canary of(long size, Duration wait, MaxReturned bound, Ticker ticker) {
        long allowed = bound.explicit() && bound.kind() != MaxReturned.Kind.OFF ? bound.allowed(size) : 0;
        return new Canary(size, wait, allowed, ticker);
    }

    /** How many more messages may be received to move now: the rest of N, none while waiting, all once passed. */
    public synchronized long permits() {
        return switch (phase()) {
            case MOVING -> size - moved;
            case WAITING, FAILED -> 0;
            case PASSED -> Long.MAX_VALUE;
        };
    }

    /** {@code count} more messages were moved (confirmed by the destination). */
    public synchronized void moved(long count) {
        if (moved == 0 && count > 0) {
            firstMoveAt = ticker.nanos();
        }
        moved += count;
        if (phase == Phase.MOVING && moved >= size) {
            startWaiting();
        }
    }

    /** The DLQ ran dry before N moved: wait on the ones that did (none moved: nothing to wait for). */
    public synchronized void noMoreToMove() {
        if (phase == Phase.MOVING) {
            if (moved == 0) {
                phase = Phase.PASSED;
            } else {
                startWaiting();
            }
        }
    }

    /** So many of the canary's messages are back in the DLQ (a running total; a lower one is ignored). */
    public synchronized void back(long total) {
        back = Math.max(back, total);
        phase();
    }

    /** The phase now: waiting turns to FAILED as soon as too many are back, to PASSED when the wait is over. */
    public synchronized Phase phase() {
        if (phase == Phase.WAITING || phase == Phase.MOVING) {
            if (back > allowedBack && moved > 0) {
                phase = Phase.FAILED;
            } else if (phase == Phase.WAITING && ticker.nanos() - waitEndsAt >= 0) {
                phase = Phase.PASSED;
            }
        }
        return phase;
    }

    /** For the live view: "canary: 10 moved, waiting 42 s, 0 back". */
    public synchronized String viewLine() {
        return switch (phase()) {
            case MOVING -> String.format(Locale.ROOT, "canary: %,d of %,d moved, %,d back", moved, size, back);
            case WAITING -> String.format(Locale.ROOT, "canary: %,d moved, waiting %s, %,d back", moved,
                    ReturnBreaker.span(Duration.ofNanos(waitEndsAt - ticker.nanos()).plusNanos(999_999_999)), back);
            case PASSED, FAILED -> verdict();
        };
    }

    /** The one line said when the canary ends, either way; null while it has not. */
    public synchronized String verdict() {
        return switch (phase()) {
            case MOVING, WAITING -> null;
            case PASSED -> moved == 0 ? "canary: nothing to move"
                    : String.format(Locale.ROOT, "canary: %s of the %,d messages moved came back within %s: moving"
                    + " the rest", back == 0 ? "none" : String.format(Locale.ROOT, "%,d", back), moved,
                    ReturnBreaker.span(wait));
            case FAILED -> "canary: " + ReturnBreaker.message(moved, back, Duration.ofNanos(ticker.nanos() - firstMoveAt));
        };
    }

    private void startWaiting() {
        phase = Phase.WAITING;
        waitEndsAt = ticker.nanos() + wait.toNanos();
    }
}
