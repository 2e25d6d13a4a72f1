package dev.sqsredrive.testing;

/** One `redrive` run: exit code and both streams; its toString shows all three, for failure messages. */
public record RunResult(int exitCode, String out, String err) {

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
