package dev.sqsredrive.mover.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
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
 * of workers; a reading is used for up to that second. What the gate let through since the reading, and what
 * was in flight when it was taken, count into it: the estimate is never below what the destination holds (as
 * long as only this run feeds it), and a batch goes only while it is below N, so the destination holds at most
 * N - 1 + one batch (10) visible messages, whatever the number of workers.
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
        /**
         * Held across the depth's reading, an SQS call: a lock, not a monitor, so that on JDK 21 a virtual
         * thread waiting in that call, or for it, does not pin its carrier (two carriers on two cores).
         */
        private final ReentrantLock lock = new ReentrantLock();
        private boolean read;
        private long readAt;
        private long depth;
        /** Let through and not yet answered: their messages may land after a reading that missed them. */
        private long inFlight;

        private Gate(String name, LongSupplier visibleMessages) {
            this.name = name;
            this.visibleMessages = visibleMessages;
        }

        /**
         * Returns once the destination holds fewer than N visible messages (true), or when {@code stopped}
         * says the run is stopping (false); checks the stop signal at least once a second while paused.
         */
        public boolean await(BooleanSupplier stopped) throws InterruptedException {
            return admit(stopped, 0);
        }

        /**
         * As {@link #await}, and the {@code messages} let through are counted into the reading until the next
         * one, and as in flight until {@link #landed}, in the same step as the check: so that no send
         * overshoots N by more than its own batch. Measured with 16 workers and N = 5: a peak of 29 visible
         * on the bare reading; 19 and 20 with the sends counted in after the check, when two workers passed
         * one check before either counted its batch.
         */
        public boolean admit(BooleanSupplier stopped, long messages) throws InterruptedException {
            while (!stopped.getAsBoolean()) {
                long untilNextRead;
                lock.lock();
                try {
                    long now = ticker.nanos();
                    if (!read || now - readAt >= POLL.toNanos()) {
                        // Sends of other workers under way are not in the reading yet, or only just: counted
                        // in (one that lands before the reading is then counted twice, erring on the full side).
                        depth = visibleMessages.getAsLong() + inFlight;
                        read = true;
                        readAt = now;
                    }
                    if (depth < max) {
                        depth += messages;
                        inFlight += messages;
                        return true;
                    }
                    untilNextRead = POLL.toNanos() - (now - readAt);
                } finally {
                    lock.unlock();
                }
                sleeper.sleep(Duration.ofNanos(Math.max(1, untilNextRead)));
            }
            return false;
        }

        /** The send of {@code messages} let through by {@link #admit} was answered (whatever the answer). */
        public void landed(long messages) {
            lock.lock();
            try {
                inFlight = Math.max(0, inFlight - messages);
            } finally {
                lock.unlock();
            }
        }

        /** The depth that holds sends back, or -1 when the last reading let them through. */
        private long pausedAt() {
            lock.lock();
            try {
                return read && depth >= max ? depth : -1;
            } finally {
                lock.unlock();
            }
        }
    }
}
