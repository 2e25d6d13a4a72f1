package dev.sqsredrive.mover;

/**
 * Told about a running move about once a tick, and once more at the end, always from the same thread.
 * The periodic stderr line, the live terminal view and the task record all plug in here.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(MoveProgress progress);

    /**
     * The DLQ looks drained, but messages are in flight elsewhere (a stopped run's held messages not yet
     * visible again, or another consumer's): the run waits for them, at most {@code upTo}.
     */
    default void onWaitingForInFlight(long inFlight, java.time.Duration upTo) {
    }

    /** A line worth telling the operator (e.g. what the run is waiting for). */
    default void note(String line) {
    }

    static ProgressListener none() {
        return p -> { };
    }

    default ProgressListener and(ProgressListener other) {
        ProgressListener self = this;
        return new ProgressListener() {
            @Override
            public void onProgress(MoveProgress p) {
                self.onProgress(p);
                other.onProgress(p);
            }

            @Override
            public void onWaitingForInFlight(long inFlight, java.time.Duration upTo) {
                self.onWaitingForInFlight(inFlight, upTo);
                other.onWaitingForInFlight(inFlight, upTo);
            }

            @Override
            public void note(String line) {
                self.note(line);
                other.note(line);
            }
        };
    }
}
