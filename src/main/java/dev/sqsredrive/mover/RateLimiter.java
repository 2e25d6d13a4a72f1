package dev.sqsredrive.mover;

import java.time.Duration;

/**
 * A token bucket on messages, shared by every worker. The bucket starts empty and holds at most one
 * batch of tokens, so over any one-second window no more than {@code rate} messages plus one batch are
 * let through.
 * Tokens are reserved right before each send, for exactly the messages in it, so the rate holds on the
 * wire (the messages stay hidden meanwhile: their visibility is extended while they are held).
 * A reservation may drive the bucket into debt; the caller then waits until the debt is paid, which
 * keeps the long-run rate exactly at {@code rate} whatever the number of workers.
 */
public final class RateLimiter {

    private final double ratePerNano;
    private final double capacity;
    private final Ticker ticker;
    private double tokens;
    private long last;

    /**
     * @param rate  messages per second, any positive number
     * @param burst the largest batch: the most tokens the bucket can hold
     */
    public RateLimiter(double rate, int burst, Ticker ticker) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number: " + rate);
        }
        this.ratePerNano = rate / 1e9;
        this.capacity = burst;
        this.ticker = ticker;
        this.last = ticker.nanos();
        // Empty at the start: a run of N messages then takes N/rate seconds, not (N - burst)/rate.
        this.tokens = 0;
    }

    /** Takes n tokens; returns how long the caller must wait before using them (zero if none). */
    public synchronized Duration reserve(int n) {
        refill();
        tokens -= n;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / ratePerNano));
    }

    /** Gives back tokens reserved but not used (the run stopped before the send). */
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
