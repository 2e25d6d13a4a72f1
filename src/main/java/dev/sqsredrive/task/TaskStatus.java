package dev.sqsredrive.task;

/** The statuses of a move task, as SQS names them; client-side tasks use the same five. */
public enum TaskStatus {
    RUNNING, CANCELLING, COMPLETED, CANCELLED, FAILED;

    public boolean terminal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    public static TaskStatus parse(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
