package dev.sqsredrive.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import dev.sqsredrive.cli.Context;
import dev.sqsredrive.cli.Main;
import dev.sqsredrive.task.Sleeper;

/** Runs `redrive` in this JVM through the real CommandLine, capturing stdout and stderr. */
public final class Redrive {

    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }

    private Redrive() {
    }

    public static RunResult run(Map<String, String> env, String... args) {
        return run(new Context(env, Clock.systemUTC(), Sleeper.real(), false,
                new BufferedReader(new StringReader(""))), args);
    }

    public static RunResult run(Context context, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new RunResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
