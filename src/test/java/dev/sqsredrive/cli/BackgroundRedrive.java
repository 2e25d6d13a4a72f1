package dev.sqsredrive.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/** A `redrive` run in another thread, as if in another shell, whose stdout can be read while it runs. */
public final class BackgroundRedrive {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Thread thread;

    public BackgroundRedrive(Map<String, String> env, String... args) {
        Context context = new Context(env, Clock.systemUTC(), Ticker.system(), Sleeper.real(), false,
                new BufferedReader(new StringReader("")));
        thread = new Thread(() -> exitCode.set(Main.run(context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args)), "background-redrive");
        thread.start();
    }

    /** The first line of stdout: the task handle, printed as soon as the task is recorded. */
    public String handle() {
        Deadline.await(Duration.ofSeconds(30), () -> out.toString(StandardCharsets.UTF_8).contains("\n"),
                () -> "the handle on stdout; so far " + result());
        return out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }

    public RunResult await() throws InterruptedException {
        thread.join(Duration.ofSeconds(60).toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("still running after 60 s: " + result());
        }
        return result();
    }

    public RunResult result() {
        return new RunResult(exitCode.get(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
