package dev.sqsredrive.mover;

import java.time.Duration;

/**
 * A token bucket on messages, shared by every worker. It starts empty and stores at most {@code burst}
 * tokens (the mover: one batch), so over any window of T seconds no more than {@code rate * T + burst}
 * messages are let through. Tokens are reserved right before each send, for exactly the messages in it
 * (the messages stay hidden meanwhile: their visibility is extended while they are held).
 * A reservation may drive the bucket into debt; the caller then waits until the debt is paid. Every
 * reservation is made against the same absolute schedule, which keeps the long-run rate exactly at
 * {@code rate} whatever the number of workers, and however late one of them sends.
 */
public final class RateLimiter {

    private final double ratePerNano;
    private final double capacity;
    private final Ticker ticker;
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
