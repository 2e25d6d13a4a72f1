package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A token bucket on messages, shared by every worker, with a record of the last second's sends behind it.
 * <p>
 * The bucket keeps the long-run rate: it starts empty, stores at most {@code burst} tokens (the mover: one
 * batch), and every reservation is made against the same absolute schedule, going into debt if need be; the
 * caller waits until the debt is paid. A sender that wakes late therefore does not slow the ones after it.
 * <p>
 * The record keeps every one-second window at {@code rate + burst}, by construction: when the wait is over,
 * {@link #admit} counts the messages sent in the last second and, if this send would go over, says how long
 * until enough of them are a second old. Without it, a sender that woke late would send in the same second
 * as the next one on time (measured: 520 in one second at --rate 500). The record only ever delays a send
 * that the bucket let through, and leaves {@code burst} per second of room to catch up after a late one, so
 * the long-run rate stays at {@code rate}.
 * <p>
 * The first send of a run goes alone, and counts from when it {@link #sent completed}: it is slow (the
 * process's first request: classes loaded, a connection opened), and the sends that queued behind it would
 * otherwise reach the server in the same second as the ones after them (measured: 520 at --rate 500).
 */
public final class RateLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;
    /** How often the others ask again while the first send is under way. */
    private static final Duration FIRST_SEND_POLL = Duration.ofMillis(5);

    private final double ratePerNano;
    private final double capacity;
    private final long windowLimit;
    private final Ticker ticker;
    private final ArrayDeque<long[]> sent = new ArrayDeque<>(); // {when, messages}, oldest first
    private long sentInWindow;
    private boolean firstAdmitted;
    private boolean firstUnderWay;
    private double tokens;
    private long last;

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

    /**
     * Right before sending n reserved messages: zero when they may go now (they are then counted as sent),
     * else how long to wait before asking again, because the last second already holds too many.
     */
    public synchronized Duration admit(int n) {
        if (firstUnderWay) {
            return FIRST_SEND_POLL;
        }
        long now = ticker.nanos();
        while (!sent.isEmpty() && now - sent.peekFirst()[0] >= WINDOW_NANOS) {
            sentInWindow -= sent.pollFirst()[1];
        }
        if (sentInWindow > 0 && sentInWindow + n > windowLimit) {
            long over = Math.min(sentInWindow, sentInWindow + n - windowLimit); // n > limit: wait for an empty second
            for (long[] send : sent) {
                over -= send[1];
                if (over <= 0) {
                    return Duration.ofNanos(send[0] + WINDOW_NANOS - now);
                }
            }
        }
        sent.addLast(new long[] {now, n});
        sentInWindow += n;
        firstUnderWay = !firstAdmitted;
        firstAdmitted = true;
        return Duration.ZERO;
    }

    /** After each admitted send, whatever its outcome: the first one then counts as sent now. */
    public synchronized void sent() {
        if (firstUnderWay) {
            firstUnderWay = false;
            sent.peekFirst()[0] = ticker.nanos(); // the only record: nothing else was admitted meanwhile
        }
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
