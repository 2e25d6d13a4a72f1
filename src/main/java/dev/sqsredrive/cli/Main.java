package dev.sqsredrive.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;

import dev.sqsredrive.render.Terminals;

/** Entry point of the `redrive` command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--debug"));
        PrintStream out = System.out;
        PrintStream err = System.err;
        Context context = Context.ofSystem(System.getenv(), Terminals.interactive(),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
        int code = run(context, out, err, args);
        System.exit(code);
    }

    /** Runs one command line; for embedding and tests. */
    public static int run(Context context, PrintStream out, PrintStream err, String... args) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        try {
            return Cli.create(context, o, e).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /**
     * The SDK logs through slf4j-simple, which reads its settings once, at the first logger: so this runs
     * before anything touches the SDK. Quiet by default (errors only); --debug shows each request.
     */
    static void configureLogging(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.request", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.auth", "debug");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        }
    }
}
