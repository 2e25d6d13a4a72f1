package dev.sqsredrive.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a client-side run: the JVM runs shutdown hooks, and this one tells
 * the mover to stop, then waits until sends under way have finished with their deletes, held messages
 * are released and the summary is printed. The JVM then exits (130 after Ctrl-C).
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

    private final Runnable stop;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread thread;

    private InterruptHook(Runnable stop) {
        this.stop = stop;
        this.thread = new Thread(this::onShutdown, "redrive-interrupt");
    }

    static InterruptHook install(Runnable stop) {
        InterruptHook hook = new InterruptHook(stop);
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
        stop.run();
        try {
            finished.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
