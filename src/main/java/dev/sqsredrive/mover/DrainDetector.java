package dev.sqsredrive.mover;

import java.util.function.IntSupplier;

/**
 * Tells when the DLQ has nothing more to give: every worker's latest receive came back empty while no
 * worker held messages and none of this run's deletes was under way (in a FIFO queue a message sent and not
 * yet deleted hides the rest of its group, so the DLQ looks empty until the delete ends). One empty receive is not enough with several workers: SQS may hand all visible
 * messages to another worker's concurrent receive, and a FIFO group stays hidden while one of its
 * messages is held. If a batch still finished after the declaration (its receive answered just as the
 * last empty one did), the run must go on: {@link #confirm()} says so.
 * <p>
 * With an adaptive number of workers only the first {@code active} receive ({@link ConcurrencyLimit}): a
 * worker waiting for its turn receives nothing and holds nothing, so it neither blocks the declaration nor
 * counts toward it.
 */
final class DrainDetector {

    private final boolean[] idle;
    private final IntSupplier active;
    private final IntSupplier deletesUnderWay;
    private int holding;
    private long batchesDone;
    private long declaredAt = -1;

    /** Every one of {@code workers} receives. */
    DrainDetector(int workers) {
        this(workers, () -> workers, () -> 0);
    }

    /**
     * @param active          how many workers (the first ones) receive now
     * @param deletesUnderWay this run's deletes handed over and not yet ended
     */
    DrainDetector(int workers, IntSupplier active, IntSupplier deletesUnderWay) {
        this.idle = new boolean[workers];
        this.active = active;
        this.deletesUnderWay = deletesUnderWay;
    }

    /** A worker's receive came back empty; true when that makes the DLQ drained. */
    synchronized boolean empty(int worker) {
        idle[worker] = true;
        if (holding == 0 && activeAllIdle() && deletesUnderWay.getAsInt() == 0) {
            declaredAt = batchesDone;
            return true;
        }
        return false;
    }

    private boolean activeAllIdle() {
        for (int i = Math.min(active.getAsInt(), idle.length) - 1; i >= 0; i--) {
            if (!idle[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when this worker's latest receive came back empty. */
    synchronized boolean idle(int worker) {
        return idle[worker];
    }

    /** A worker received messages and holds them until {@link #batchDone()}. */
    synchronized void received(int worker) {
        idle[worker] = false;
        holding++;
    }

    synchronized void batchDone() {
        holding--;
        batchesDone++;
    }

    /** True when no batch finished since drained was declared; otherwise resets, to run again. */
    synchronized boolean confirm() {
        if (declaredAt == batchesDone) {
            return true;
        }
        reset();
        return false;
    }

    /** Forgets what the workers saw: every one must come back empty again. */
    synchronized void reset() {
        java.util.Arrays.fill(idle, false);
        declaredAt = -1;
    }
}
