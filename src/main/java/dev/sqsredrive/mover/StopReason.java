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
    /** An error that retrying cannot fix (queue gone, access denied, journal unwritable). */
    FATAL
}
