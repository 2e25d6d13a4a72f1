package dev.sqsredrive.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.sqsredrive.cli.Context;
import dev.sqsredrive.cli.Main;

/** Runs `redrive` in this JVM through the real CommandLine, capturing stdout and stderr. */
public final class Redrive {

    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }

    private Redrive() {
    }

    /**
     * An environment with test credentials and its own state directory, and nothing else: no region, no
     * endpoint, and a config file that does not exist, so the developer's ~/.aws never leaks into a test.
     * Mutable, for each test to add what it is about.
     */
    public static Map<String, String> baseEnv(Path stateDir) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("REDRIVE_STATE_DIR", stateDir.toString());
        env.put("HOME", stateDir.toString());
        env.put("AWS_CONFIG_FILE", stateDir.resolve("no-aws-config").toString());
        return env;
    }

    public static RunResult run(Map<String, String> env, String... args) {
        return run(Context.ofSystem(env, false, new BufferedReader(new StringReader(""))), args);
    }

    public static RunResult run(Context context, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new RunResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
