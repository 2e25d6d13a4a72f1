package dev.sqsredrive.mover;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deletes off the workers: a worker hands over what the destination confirmed and goes on receiving, while
 * the delete runs on a virtual thread of its own. A delete takes one round trip like a send, so at most one
 * delete call per worker is made at once; at most two batches per worker are in the line (in a call or
 * waiting for one), and a worker whose deletes fall that far behind waits for room (so a stop finds little in
 * the line). Until its delete ends, a message stays in its hold: kept hidden, and counted as held by the drain
 * and the final count.
 */
final class DeleteLine {

    private static final CountDownLatch NONE_LEFT = new CountDownLatch(0);

    private final DeleteStage stage;
    private final RunStop stop;
    private final Semaphore room;
    private final Semaphore calls;
    private final AtomicInteger names = new AtomicInteger();
    /** Handed over and not ended; {@link #ended} is the latch the last one to end opens. */
    private int inLine;
    private CountDownLatch ended;

    DeleteLine(DeleteStage stage, RunStop stop, int workers) {
        this.stage = stage;
        this.stop = stop;
        this.room = new Semaphore(2 * workers);
        this.calls = new Semaphore(workers, true); // fair: deletes are made in the order they were handed over
    }

    /** Queues the delete of these delivered messages; waits only while the line is full. */
    void delete(List<Msg> delivered, Hold hold) throws InterruptedException {
        room.acquire();
        synchronized (this) {
            inLine++;
        }
        try {
            Thread.ofVirtual().name("redrive-delete-" + names.getAndIncrement()).start(() -> run(delivered, hold));
        } catch (RuntimeException | Error e) {
            end();
            throw e;
        }
    }

    private void run(List<Msg> delivered, Hold hold) {
        try {
            calls.acquire();
            try {
                stage.delete(delivered, hold);
            } finally {
                calls.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop(StopReason.INTERRUPTED);
        } catch (RuntimeException e) {
            stop.fail(e);
        } finally {
            end();
        }
    }

    private void end() {
        CountDownLatch open = null;
        synchronized (this) {
            inLine--;
            if (inLine == 0 && ended != null) {
                open = ended;
                ended = null;
            }
        }
        room.release();
        if (open != null) {
            open.countDown();
        }
    }

    /** Deletes handed over and not yet ended. */
    synchronized int inLine() {
        return inLine;
    }

    /** Opens when every delete handed over so far has ended (open already when none is in the line). */
    synchronized CountDownLatch ended() {
        if (inLine == 0) {
            return NONE_LEFT;
        }
        if (ended == null) {
            ended = new CountDownLatch(1);
        }
        return ended;
    }
}
