package dev.sqsredrive.cli;

/** The exit codes documented in --help and README; scripts branch on these, so they never change meaning. */
public enum ExitCode {
    OK(0, "Done: the command succeeded, or the task COMPLETED."),
    ERROR(1, "Unexpected error (a bug: run again with --debug and report it)."),
    USAGE(2, "Usage or bad input: unknown option, malformed queue, rate out of range, ..."),
    AWS(3, "AWS refused or could not be reached: not found, access denied, throttled past retries,"
            + " a move task already running on the DLQ."),
    TASK_FAILED(4, "The move task FAILED, or (watch) a client-side run was INTERRUPTED by Ctrl-C or SIGTERM"
            + " before it finished: the reason and how to resume are printed."),
    TASK_CANCELLED(5, "The move task was CANCELLED."),
    TIMEOUT(6, "watch --timeout elapsed before the task ended."),
    DECLINED(7, "start was answered 'no' at its prompt: nothing was started."),
    INCOMPLETE(8, "The run ended with selected messages still in the DLQ (held by another consumer, answers"
            + " lost, ...): the summary says how many and why; nothing was lost."),
    STATE(9, "The local state directory cannot be used (unreadable, read-only, not a directory): the path"
            + " is printed; nothing was moved. (A state write failing once a run moves ends it FAILED, exit 4.)"),
    INTERRUPTED(130, "Interrupted (Ctrl-C): a client-side run stops in order and prints its summary; a watch"
            + " stops watching, the task goes on."),
    /** Returned by the JVM itself (128 + 15) once the shutdown hooks have wound the command down. */
    TERMINATED(143, "Stopped by SIGTERM (kill, timeout): the same orderly stop as Ctrl-C.");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
