package dev.sqsredrive.mover;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many of the run's workers may work now. {@link #max()} workers are started; worker i works a cycle only
 * while i &lt; {@link #current()}, and otherwise waits in {@link #awaitTurn} (before it receives, so a waiting
 * worker holds nothing). A fixed limit ({@code --concurrency N}) lets every worker work; the adaptive one
 * ({@link AdaptiveLimit}) moves {@code current()} by what the mover's calls tell it
 * ({@link #callEnded}, {@link #moved}). A waiting worker is woken by an event, never by a poll: the limit
 * rising, or {@link #stop()}.
 */
public abstract sealed class ConcurrencyLimit permits ConcurrencyLimit.Fixed, AdaptiveLimit {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();
    private boolean stopped;

    /** {@code --concurrency N}: N workers, all working. */
    public static ConcurrencyLimit fixed(int workers) {
        return new Fixed(workers);
    }

    /** Workers to start: the most that may ever work at once. */
    public abstract int max();

    /** Workers that may work now, 1 to {@link #max()}. */
    public abstract int current();

    /** The most that worked at once so far. */
    public abstract int peak();

    /** True when the number of workers finds itself (no {@code --concurrency N}). */
    public abstract boolean adaptive();

    /** The fewest workers an adaptive limit goes down to (for a fixed one, {@link #max()}). */
    public abstract int min();

    /** The workers now, as shown. */
    public Concurrency now() {
        return Concurrency.of(this);
    }

    /** One call of the mover to SQS ended after this long; throttled when SQS (or KMS) asked to slow down. */
    public void callEnded(long nanos, boolean throttled) {
    }

    /** This many messages were moved. */
    public void moved(int messages) {
    }

    /**
     * Blocks worker {@code worker} (0-based) while it is not among the {@link #current()} that may work, until
     * the limit lets it or the run stops.
     */
    public void awaitTurn(int worker) throws InterruptedException {
        if (worker < current()) {
            return;
        }
        lock.lock();
        try {
            while (worker >= current() && !stopped) {
                turn.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The run stops (or looks drained): every waiting worker goes on, to see it and end. */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            turn.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The run goes on after a stop it took back ("drained" was premature): workers wait for their turn again. */
    public void resume() {
        lock.lock();
        try {
            stopped = false;
        } finally {
            lock.unlock();
        }
    }

    /** The limit rose: waiting workers look again. */
    protected final void turnsChanged() {
        lock.lock();
        try {
            turn.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Every worker works, all the time. */
    static final class Fixed extends ConcurrencyLimit {
        private final int workers;

        Fixed(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers: " + workers);
            }
            this.workers = workers;
        }

        @Override
        public int max() {
            return workers;
        }

        @Override
        public int current() {
            return workers;
        }

        @Override
        public int peak() {
            return workers;
        }

        @Override
        public boolean adaptive() {
            return false;
        }

        @Override
        public int min() {
            return workers;
        }
    }
}
