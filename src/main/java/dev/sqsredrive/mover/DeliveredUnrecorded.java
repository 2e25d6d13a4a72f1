package dev.sqsredrive.mover;

/**
 * A send the destination confirmed, then a local write that had to follow it failed (the archive beside the
 * destination: disk full, I/O error). The messages are at the destination and still in the DLQ, and the run
 * cannot go on: the mover records them as sent with a record missing (docs/MOVER.md, "The ledger"), never
 * deletes them, and ends with the cause.
 */
public final class DeliveredUnrecorded extends RuntimeException {

    private final transient BatchResult delivered;

    /** @param delivered the destination's answer to the batch: what it confirmed and gave ids to */
    public DeliveredUnrecorded(BatchResult delivered, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.delivered = delivered;
    }

    public BatchResult delivered() {
        return delivered;
    }

    /** The failure that ended the run (the archive's). */
    public RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
