package dev.sqsredrive.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import dev.sqsredrive.time.Sleeper;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a client-side run or a watch: the JVM runs shutdown hooks, and this one
 * tells the run to stop, then waits until it has wound down (for a client-side run: sends under way finished
 * with their deletes, held messages released, the summary printed; for a watch: the view left, the line
 * saying the task goes on printed). The JVM then exits with 128 + the signal's number: 130 after Ctrl-C,
 * 143 after SIGTERM, the shells' convention (README, "Exit codes").
 * <p>
 * While {@code start} waits for the answer to its question, nothing has begun: Ctrl-C ends the command at
 * once (see {@link #asking}), and no hook waits for a run.
 * <p>
 * Tests in this JVM cannot send a signal to themselves; {@link #fireAll()} runs exactly what the JVM
 * would run.
 */
final class InterruptHook implements AutoCloseable {

    /**
     * Longest wait for the run to wind down and print its summary. The mover bounds its own stop path (a few
     * seconds, even when the endpoint is dead); this only keeps a run that is still resolving its queues
     * from holding the JVM for a whole call timeout.
     */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);

    private static final Set<InterruptHook> ACTIVE = ConcurrentHashMap.newKeySet();

    /** Longest wait for a watch to leave its view after a poll under way (normally a few milliseconds). */
    static final Duration WATCH_TIMEOUT = Duration.ofSeconds(10);

    private static volatile boolean asking;

    private final Runnable stop;
    private final Duration windDown;
    private final Sleeper sleeper;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean fired;

    private InterruptHook(Runnable stop, Duration windDown, Sleeper sleeper) {
        this.stop = stop;
        this.windDown = windDown;
        this.sleeper = sleeper;
        this.thread = new Thread(this::onShutdown, "redrive-interrupt");
    }

    /** For a client-side run: waits up to {@link #DRAIN_TIMEOUT} for it to wind down. */
    static InterruptHook install(Runnable stop, Sleeper sleeper) {
        return install(stop, DRAIN_TIMEOUT, sleeper);
    }

    /** @param sleeper the command's: the wait for the wind-down is a time of the injected clock */
    static InterruptHook install(Runnable stop, Duration windDown, Sleeper sleeper) {
        InterruptHook hook = new InterruptHook(stop, windDown, sleeper);
        ACTIVE.add(hook);
        try {
            Runtime.getRuntime().addShutdownHook(hook.thread);
        } catch (IllegalStateException shuttingDown) {
            stop.run();
        }
        return hook;
    }

    /** What the JVM runs on Ctrl-C: stop, then wait for the run to wind down. */
    void onShutdown() {
        fired = true;
        stop.run();
        if (asking) {
            return; // nothing has begun: the question's own hook says so, and the JVM exits at once
        }
        try {
            sleeper.sleepUntil(finished, windDown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: behaves as if Ctrl-C were pressed now; returns once every run has wound down. */
    static void fireAll() {
        for (InterruptHook hook : List.copyOf(ACTIVE)) {
            hook.onShutdown();
        }
    }

    /** Whether Ctrl-C (or SIGTERM) came while this hook was installed. */
    boolean fired() {
        return fired;
    }

    /**
     * While a question waits for its answer on the terminal: Ctrl-C runs {@code onInterrupt} (which says
     * that nothing started) and the JVM exits at once, with the reader still blocked on stdin.
     */
    static Question asking(Runnable onInterrupt) {
        Thread hook = new Thread(onInterrupt, "redrive-question-interrupt");
        asking = true;
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            asking = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the JVM is on its way out
            }
        };
    }

    /** The time a question is open; closing it throws nothing. */
    interface Question extends AutoCloseable {
        @Override
        void close();
    }

    static boolean anyActive() {
        return !ACTIVE.isEmpty();
    }

    /** The run has ended and printed its summary. */
    @Override
    public void close() {
        finished.countDown();
        ACTIVE.remove(this);
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that finished is counted down.
        }
    }
}
