package dev.sqsredrive.testing;

import java.util.List;

/** One `redrive` run: exit code and both streams; its toString shows all three, for failure messages. */
public record RunResult(int exitCode, String out, String err) {

    /** Fails, showing stdout and stderr, unless the run ended with this exit code; returns this run. */
    public RunResult assertExitCode(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("expected exit " + expected + " but got " + this);
        }
        return this;
    }

    /** Non-blank lines of stdout. */
    public List<String> outLines() {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Non-blank lines of stderr. */
    public List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
