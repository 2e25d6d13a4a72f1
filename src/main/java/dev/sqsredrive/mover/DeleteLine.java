package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deletes off the workers: a worker hands over what the destination confirmed and goes on receiving, while
 * the delete stage runs on a small pool of its own. A delete takes one round trip like a send, so the pool has
 * one thread per worker, started only when needed; at most two batches per worker wait in the line, and a
 * worker whose deletes fall that far behind waits for room (so a stop finds little in the line). Until its
 * delete ends, a message stays in its hold: kept hidden, and counted as held by the drain and the final count.
 */
final class DeleteLine {

    private final DeleteStage stage;
    private final RunStop stop;
    private final int room;
    private final Semaphore free;
    private final ThreadPoolExecutor pool;

    DeleteLine(DeleteStage stage, RunStop stop, int workers) {
        this.stage = stage;
        this.stop = stop;
        this.room = 2 * workers;
        this.free = new Semaphore(room);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "redrive-delete-" + n.getAndIncrement());
                    t.setDaemon(true); // a delete stuck in its call past the stop's grace does not hold the JVM
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues the delete of these delivered messages; waits only while the line is full. */
    void delete(List<Msg> delivered, HeldMessages.Hold hold) throws InterruptedException {
        free.acquire();
        try {
            pool.execute(() -> run(delivered, hold));
        } catch (RuntimeException e) {
            free.release();
            throw e;
        }
    }

    private void run(List<Msg> delivered, HeldMessages.Hold hold) {
        try {
            stage.delete(delivered, hold);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop(StopReason.INTERRUPTED);
        } catch (RuntimeException e) {
            stop.fail(e);
        } finally {
            free.release();
        }
    }

    /** Waits up to {@code wait} for every delete handed over to end; true when none is left. */
    boolean settle(Duration wait) throws InterruptedException {
        if (!free.tryAcquire(room, wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        free.release(room);
        return true;
    }
}
