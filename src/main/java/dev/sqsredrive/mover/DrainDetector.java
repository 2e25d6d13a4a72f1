package dev.sqsredrive.mover;

/**
 * Tells when the DLQ has nothing more to give: every worker's latest receive came back empty while no
 * worker held messages. One empty receive is not enough with several workers: SQS may hand all visible
 * messages to another worker's concurrent receive, and a FIFO group stays hidden while one of its
 * messages is held. If a batch still finished after the declaration (its receive answered just as the
 * last empty one did), the run must go on: {@link #confirm()} says so.
 */
final class DrainDetector {

    private final boolean[] idle;
    private int idleCount;
    private int holding;
    private long batchesDone;
    private long declaredAt = -1;

    DrainDetector(int workers) {
        this.idle = new boolean[workers];
    }

    /** A worker's receive came back empty; true when that makes the DLQ drained. */
    synchronized boolean empty(int worker) {
        if (!idle[worker]) {
            idle[worker] = true;
            idleCount++;
        }
        if (idleCount == idle.length && holding == 0) {
            declaredAt = batchesDone;
            return true;
        }
        return false;
    }

    /** True when this worker's latest receive came back empty. */
    synchronized boolean idle(int worker) {
        return idle[worker];
    }

    /** A worker received messages and holds them until {@link #batchDone()}. */
    synchronized void received(int worker) {
        if (idle[worker]) {
            idle[worker] = false;
            idleCount--;
        }
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
        idleCount = 0;
        declaredAt = -1;
    }
}
