package dev.sqsredrive.bench;

import java.util.function.LongSupplier;

/**
 * Times a move from outside, the same way for the raw loop and the mover: polls the destination's depth
 * and notes when the first message arrived and when the last one did. JVM start-up, queue look-ups and the
 * final empty receive are left out for both.
 */
final class ArrivalClock implements AutoCloseable {

    private final Thread poller;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile long arrived;
    private volatile boolean closed;

    ArrivalClock(LongSupplier depth, long expected) {
        this.poller = Thread.ofPlatform().daemon().start(() -> {
            long seen = 0;
            while (!Thread.currentThread().isInterrupted() && seen < expected) {
                long now = System.nanoTime();
                long d;
                try {
                    d = depth.getAsLong();
                } catch (RuntimeException e) {
                    if (closed) {
                        return; // closed mid-call: the run ended without the messages (a tool refused its options)
                    }
                    throw e;
                }
                if (d > 0 && firstNanos == 0) {
                    firstNanos = now;
                }
                if (d > seen) {
                    lastNanos = now;
                    seen = d;
                    arrived = d;
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Seconds from the first arrival to the last; call once the mover ended (waits up to 10 s more). */
    double seconds() {
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller.interrupt();
        return (lastNanos - firstNanos) / 1e9;
    }

    /** Messages in the destination at the last arrival seen (all of them, unless a tool lost some). */
    long arrived() {
        return arrived;
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
    }
}
