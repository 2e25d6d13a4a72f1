package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.time.Ticker;

/**
 * A token bucket on messages, shared by every worker, with a record of the last second's sends behind it.
 * <p>
 * The bucket keeps the long-run rate: it starts empty, stores at most {@code burst} tokens (the mover: one
 * batch), and every reservation is made against the same absolute schedule, going into debt if need be; the
 * caller waits until the debt is paid. A sender that wakes late therefore does not slow the ones after it.
 * <p>
 * The record keeps every one-second window at {@code rate + burst}, on the wire, by construction: when the wait
 * is over, {@link #admit} counts the sends under way and those completed in the last second (a send reaches
 * the server between its admission and its completion) and, if this one would go over, says how long to wait.
 * Without it, a sender that woke late would send in the same second as the next one on time, and a slow send
 * (the process's first ones: classes loaded, connections opened) would arrive with the ones after it
 * (measured: 520 to 550 in one second at --rate 500). The record leaves {@code burst} per second of room to
 * catch up, used evenly: sends are admitted about {@code n / (rate + burst)} seconds apart, never in a burst.
 * The long-run rate stays at {@code rate} as long as a send takes less than {@code burst / rate} seconds
 * (20 ms at 500 msg/s in batches of 10); slower sends cost rate rather than break the one-second bound.
 */
public final class RateLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    /** What {@link #admit} answered: send now (then call {@link #sent} after), or wait and ask again. */
    public static final class Admission {
        private final Duration wait;
        private final int messages;
        private long completedAt = Long.MIN_VALUE; // still under way

        private Admission(Duration wait, int messages) {
            this.wait = wait;
            this.messages = messages;
        }

        public boolean admitted() {
            return wait.isZero();
        }

        public Duration waitFor() {
            return wait;
        }
    }

    private final double ratePerNano;
    private final double capacity;
    private final long windowLimit;
    private final double admitPerNano;
    private final Ticker ticker;
    private final List<Admission> recent = new ArrayList<>(); // under way, or completed in the last second
    private double tokens;
    private long last;
    private boolean anyAdmitted;
    private long nextAdmit;

    /**
     * @param rate  messages per second, any positive number
     * @param burst the most tokens the bucket can hold (a fraction is fine)
     */
    public RateLimiter(double rate, double burst, Ticker ticker) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number: " + rate);
        }
        this.ratePerNano = rate / 1e9;
        this.capacity = burst;
        this.windowLimit = (long) Math.floor(rate + burst);
        this.admitPerNano = (rate + burst) / 1e9;
        this.ticker = ticker;
        this.last = ticker.nanos();
        // Empty at the start: a run of N messages then takes N/rate seconds, not (N - burst)/rate.
        this.tokens = 0;
    }

    /** Takes n tokens; returns how long the caller must wait before {@link #admit} (zero if none). */
    public synchronized Duration reserve(int n) {
        refill();
        tokens -= n;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / ratePerNano));
    }

    /** Right before sending n reserved messages: may they go now? */
    public synchronized Admission admit(int n) {
        long now = ticker.nanos();
        if (anyAdmitted && now < nextAdmit) {
            return new Admission(Duration.ofNanos(nextAdmit - now), n);
        }
        recent.removeIf(a -> a.completedAt != Long.MIN_VALUE && now - a.completedAt >= WINDOW_NANOS);
        long inWindow = recent.stream().mapToLong(a -> a.messages).sum();
        if (inWindow > 0 && inWindow + n > windowLimit) {
            // A send counts until a second after it ends: one still under way leaves no sooner than a second
            // from now, so the caller's turn is a time, never a poll.
            long soonest = recent.stream().filter(a -> a.completedAt != Long.MIN_VALUE)
                    .mapToLong(a -> a.completedAt + WINDOW_NANOS - now).min().orElse(WINDOW_NANOS);
            return new Admission(Duration.ofNanos(Math.max(1, soonest)), n);
        }
        // On a grid, so that a late wake-up does not push every later send: one step of slack, no more.
        long step = (long) Math.ceil(n / admitPerNano);
        nextAdmit = anyAdmitted ? Math.max(nextAdmit, now - step) + step : now + step;
        anyAdmitted = true;
        Admission go = new Admission(Duration.ZERO, n);
        recent.add(go);
        return go;
    }

    /** After each admitted send, whatever its outcome: from now on it counts for one second more. */
    public synchronized void sent(Admission admission) {
        admission.completedAt = ticker.nanos();
    }

    /** Gives back tokens reserved but not sent (the run stopped before the send). */
    public synchronized void refund(int n) {
        if (n <= 0) {
            return;
        }
        refill();
        tokens = Math.min(capacity, tokens + n);
    }

    private void refill() {
        long now = ticker.nanos();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
    }
}
