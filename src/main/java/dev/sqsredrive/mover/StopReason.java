package dev.sqsredrive.mover;

/** Why a mover stops receiving. */
public enum StopReason {
    /** An empty receive while nothing was held: the DLQ has nothing more to give. */
    DRAINED,
    /** --limit messages moved. */
    LIMIT,
    /** `redrive cancel` from another shell. */
    CANCELLED,
    /** Ctrl-C (or SIGTERM): the JVM is shutting down. */
    INTERRUPTED,
    /** The breaker tripped, or the canary failed: too many moved messages came back to the DLQ. */
    RETURNED,
    /** An error that retrying cannot fix (queue gone, access denied, journal unwritable). */
    FATAL
}
