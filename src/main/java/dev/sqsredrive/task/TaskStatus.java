package dev.sqsredrive.task;

/**
 * The statuses of a move task, as SQS names them; client-side tasks use the same five, and two more:
 * INCOMPLETE, a run that ended with selected messages still in the DLQ (the failure reason says how many),
 * and INTERRUPTED, a run stopped by Ctrl-C or SIGTERM before it finished (nobody cancelled it: it can be
 * resumed, and the reason says how).
 */
public enum TaskStatus {
    RUNNING, CANCELLING, COMPLETED, INCOMPLETE, CANCELLED, INTERRUPTED, FAILED;

    public boolean terminal() {
        return this != RUNNING && this != CANCELLING;
    }

    public static TaskStatus parse(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
