package dev.sqsredrive.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import dev.sqsredrive.task.CheckedStart;
import dev.sqsredrive.task.ModeSelector;
import dev.sqsredrive.task.MoveStarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start moving the messages of a dead-letter queue.",
                "Without --to, each message goes back to the queue it was dead-lettered from.",
                "Native mode starts an SQS move task and prints its handle (or JSON with -o json).",
                "Client mode moves in this process: the handle is the first line on stdout, progress goes to"
                        + " stderr (a live view on a terminal), a summary follows at the end. It FAILED (exit 4) when a message could not be"
                        + " moved (too large, no origin, refused by SQS) or an error stopped it; it is INCOMPLETE (exit 8)"
                        + " when selected messages are still in the DLQ (in flight elsewhere), and says how many.",
                "On a terminal, shows the plan and asks before starting (--yes skips the question)."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive start orders-dlq --watch",
                "  redrive start orders-dlq --to orders --rate 50",
                "  redrive start arn:aws:sqs:eu-west-1:123456789012:orders-dlq --mode native",
                "  redrive start orders-dlq --filter 'attr:tenant=acme' --limit 100 --rate 2.5",
                "  redrive start orders-dlq --dry-run",
                "  redrive start --resume client-6f1c...   # finish a run that crashed",
                "  redrive start orders-dlq --to file:dlq.ndjson.gz   # export",
                "  redrive start file:dlq.ndjson.gz --to orders   # import",
                "  redrive start orders-dlq --to orders --archive moved.ndjson",
                "  HANDLE=$(redrive start orders-dlq) && redrive watch \"$HANDLE\" --timeout 1h"})
final class StartCommand implements Callable<Integer> {

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "The DLQ: a queue name, URL or ARN; or file:PATH, a file an export wrote"
                    + " (import: client-side, see docs/FILES.md).")
    String source;

    @Option(names = "--to", paramLabel = "DEST",
            description = "Move every message to this queue (name, URL or ARN) instead of its origin."
                    + " Must be of the same type (standard or FIFO). Or file:PATH (export: one JSON line per"
                    + " message, forced to disk before its delete; .gz compresses), or file:- for stdout (nothing"
                    + " is deleted then).")
    String destination;

    @Option(names = "--rate", paramLabel = "N",
            description = "Messages per second, 0.01 (one every 100 s) or more (a native task takes a whole number"
                    + " from 1 to 500). Default: as fast as the queues allow (native: chosen by SQS).")
    Double rate;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "auto (default): a native move task when it can serve the request, else client-side,"
                    + " saying why; native: never falls back; client: move in this process.")
    ModeSelector.Mode mode = ModeSelector.Mode.AUTO;

    @Mixin
    ClientMoveOptions client;

    @Option(names = "--watch", description = "Keep following a native task until it ends, as 'redrive watch'"
            + " does (a client-side run is always followed).")
    boolean watchAfterStart;

    @Option(names = {"-y", "--yes"}, description = "Start without showing the plan and asking first."
            + " Only a terminal is ever asked; answering no exits with 7.")
    boolean yes;

    @Mixin
    WatchOptions watch;

    @Mixin
    SafeRedriveOptions safeRedrive;

    @Override
    public Integer call() throws Exception {
        MoveStarter.Request request = new MoveStarter.Request(source, destination, rate, mode, client.options(root.context().stdin()),
                client.resume(), safeRedrive.settings(watchAfterStart));
        try (Session session = root.session(spec)) {
            return AuditTrail.run(session, spec, trail -> {
                trail.source(source).destination(destination).filters(request.options().filters())
                        .handle(request.resumeHandle());
                CheckedStart checked = CheckedStart.of(request); // offline, before any client: fails fast
                return new StartFlow(session, yes, watchAfterStart ? Optional.of(watch) : Optional.empty(), trail)
                        .run(checked);
            });
        }
    }
}
