package dev.sqsredrive.cli;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import dev.sqsredrive.render.Terminals;

/**
 * The workloads the JDK 25+ AOT caches are trained on (JEP 483/514), each run by the build in one JVM against
 * a local SQS-compatible server. Two caches, because a cache's classes are all loaded at start-up: "quick"
 * (help, version, completion: no SDK) keeps those commands light, "full" (list, a client-side move, start
 * --watch, watch: the SDK, the mover and the task code) is what every command that calls SQS starts with. The
 * client-side move is trained on a real move of some thousands of messages, so that the mover's classes, and
 * the SDK's for its batch calls, come from the cache instead of the jar (docs/PERFORMANCE.md, "The fixed cost
 * of a run"). The launcher picks a cache by the command line. This class lives in the jar because a cache is
 * only valid for the class path it was trained with. Not part of the command surface:
 * {@code java -XX:AOTCacheOutput=... -cp sqs-redrive.jar dev.sqsredrive.cli.AotTraining quick|full DLQ DEST N}
 * (the client-side move takes N messages from DLQ to DEST, start --watch moves the rest back, a last
 * client-side move finds the DLQ empty) with AWS_ENDPOINT_URL and REDRIVE_STATE_DIR set.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 4 || !List.of("quick", "full").contains(args[0])) {
            throw new IllegalArgumentException("usage: AotTraining quick|full DLQ-NAME DEST-NAME CLIENT-MOVES");
        }
        String dlq = args[1];
        Main.configureLogging(false);
        List<List<String>> quick = List.of(List.of("--help"), List.of("--version"), List.of("help", "start"),
                List.of("bogus-command"), List.of("completion", "bash"));
        List<List<String>> workload = args[0].equals("quick") ? quick : List.of(
                List.of("list"), List.of("list", dlq, "-o", "json"),
                List.of("start", dlq, "--mode", "client", "--to", args[2], "--limit", args[3], "-o", "json"),
                List.of("start", dlq, "--watch", "--interval", "100ms"),
                // Again on the DLQ the native move emptied: the mover's end on a drained source.
                List.of("start", dlq, "--mode", "client", "--to", args[2], "-o", "json"),
                List.of("list", dlq), List.of("watch", dlq, "-o", "json"),
                List.of(CompleteCommand.NAME, "queues", ""), List.of("bogus-command"));
        int failures = 0;
        for (List<String> command : workload) {
            // As Main builds it (the terminal check included, so its classes are cached), minus a real stdin.
            Context context = Context.ofSystem(System.getenv(), Terminals.interactive(),
                    new BufferedReader(new StringReader("")));
            int code = Main.run(context, System.out, System.err, command.toArray(String[]::new));
            boolean expected = command.get(0).equals("bogus-command") ? code == ExitCode.USAGE.code() : code == 0;
            System.out.println("aot-training: redrive " + String.join(" ", command) + " -> exit " + code);
            failures += expected ? 0 : 1;
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
