package dev.sqsredrive.mover;

/**
 * Told about a running move about once a tick, and once more at the end, always from the same thread.
 * The periodic stderr line, the live terminal view and the task record all plug in here.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(MoveProgress progress);

    static ProgressListener none() {
        return p -> { };
    }

    default ProgressListener and(ProgressListener other) {
        return p -> {
            onProgress(p);
            other.onProgress(p);
        };
    }
}
