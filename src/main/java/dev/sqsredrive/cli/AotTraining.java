package dev.sqsredrive.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;

import dev.sqsredrive.task.Sleeper;

/**
 * The workload a JDK 25+ AOT cache is trained on (JEP 483/514), run by the build in one JVM against a local
 * SQS-compatible server: the commands an operator starts most, so that their classes are loaded and linked
 * from the cache. It lives in the jar because the cache is only valid for the class path it was trained
 * with. Not part of the command surface: {@code java -XX:AOTCacheOutput=... -cp sqs-redrive.jar
 * dev.sqsredrive.cli.AotTraining DLQ} with AWS_ENDPOINT_URL and REDRIVE_STATE_DIR set.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AotTraining DLQ-NAME");
        }
        String dlq = args[0];
        Main.configureLogging(false);
        List<List<String>> workload = List.of(
                List.of("--help"), List.of("--version"), List.of("help", "start"), List.of("bogus-command"),
                List.of("list"), List.of("list", dlq, "-o", "json"),
                List.of("start", dlq, "--watch", "--interval", "100ms"),
                List.of("list", dlq), List.of("watch", dlq, "-o", "json"),
                List.of("completion", "bash"), List.of(CompleteCommand.NAME, "queues", ""));
        int failures = 0;
        for (List<String> command : workload) {
            Context context = new Context(System.getenv(), Clock.systemUTC(), Sleeper.real(), false,
                    new BufferedReader(new StringReader("")));
            int code = Main.run(context, System.out, System.err, command.toArray(String[]::new));
            boolean expected = command.get(0).equals("bogus-command") ? code == ExitCode.USAGE.code() : code == 0;
            System.out.println("aot-training: redrive " + String.join(" ", command) + " -> exit " + code);
            failures += expected ? 0 : 1;
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
