package dev.sqsredrive.mover.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/**
 * {@code --max-backlog N}: before each send, a destination that holds N or more visible messages pauses its
 * sends until it holds fewer. Each destination (each origin, when routing by origin) has its own {@link Gate},
 * so a full queue holds back only the messages bound for it.
 * <p>
 * Where it is consulted: the send stage calls {@link Gate#await} of the batch's destination right before
 * SendMessageBatch, with the run's stop signal; false means the run is stopping and the batch is released,
 * not sent. The live view shows {@link #status()}. The depth comes from a supplier per destination
 * (GetQueueAttributes ApproximateNumberOfMessages), read at most once a second per queue whatever the number
 * of workers; a reading is used for up to that second, so a destination can overshoot N by what the mover
 * sends in one second.
 */
public final class Backpressure {

    /** The most often one destination's depth is read. */
    public static final Duration POLL = Duration.ofSeconds(1);

    private final long max;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    public Backpressure(long max, Ticker ticker, Sleeper sleeper) {
        if (max < 1) {
            throw new IllegalArgumentException("--max-backlog takes a positive number of messages, not " + max);
        }
        this.max = max;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** The gate of one destination, made on first use; {@code name} is what the live view calls it. */
    public Gate gate(String name, LongSupplier visibleMessages) {
        return gates.computeIfAbsent(name, n -> new Gate(n, visibleMessages));
    }

    /** "paused: orders backlog 1,240 ≥ 1,000" for each paused destination, joined by "; "; empty when none is. */
    public Optional<String> status() {
        List<String> paused = new ArrayList<>();
        gates.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).forEach(g -> {
            long depth = g.pausedAt();
            if (depth >= 0) {
                paused.add(String.format(Locale.ROOT, "%s backlog %,d \u2265 %,d", g.name, depth, max));
            }
        });
        return paused.isEmpty() ? Optional.empty() : Optional.of("paused: " + String.join("; ", paused));
    }

    /** One destination's pause. */
    public final class Gate {

        private final String name;
        private final LongSupplier visibleMessages;
        private boolean read;
        private long readAt;
        private long depth;

        private Gate(String name, LongSupplier visibleMessages) {
            this.name = name;
            this.visibleMessages = visibleMessages;
        }

        /**
         * Returns once the destination holds fewer than N visible messages (true), or when {@code stopped}
         * says the run is stopping (false); checks the stop signal at least once a second while paused.
         */
        public boolean await(BooleanSupplier stopped) throws InterruptedException {
            while (!stopped.getAsBoolean()) {
                long untilNextRead;
                synchronized (this) {
                    long now = ticker.nanos();
                    if (!read || now - readAt >= POLL.toNanos()) {
                        depth = visibleMessages.getAsLong();
                        read = true;
                        readAt = now;
                    }
                    if (depth < max) {
                        return true;
                    }
                    untilNextRead = POLL.toNanos() - (now - readAt);
                }
                sleeper.sleep(Duration.ofNanos(Math.max(1, untilNextRead)));
            }
            return false;
        }

        /**
         * {@code messages} are about to be sent here: counted into the reading until the next one, so that the
         * sends of one second cannot overshoot N by more than the batches let through at once (measured: with
         * the bare reading, one worker sent 30 messages into a destination bounded at 5 within its second).
         */
        public synchronized void sending(long messages) {
            depth += messages;
        }

        /** The depth that holds sends back, or -1 when the last reading let them through. */
        private synchronized long pausedAt() {
            return read && depth >= max ? depth : -1;
        }
    }
}
