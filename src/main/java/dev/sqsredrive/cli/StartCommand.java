package dev.sqsredrive.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.mover.Journals;
import dev.sqsredrive.mover.StopReason;
import dev.sqsredrive.render.PlanText;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.task.ClientTaskRun;
import dev.sqsredrive.task.ModeSelector;
import dev.sqsredrive.task.MoveStarter;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskTracker;
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
                "  HANDLE=$(redrive start orders-dlq) && redrive watch \"$HANDLE\" --timeout 1h"})
final class StartCommand implements Callable<Integer> {

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "The DLQ: a queue name, URL or ARN.")
    String source;

    @Option(names = "--to", paramLabel = "DEST",
            description = "Move every message to this queue (name, URL or ARN) instead of its origin."
                    + " Must be of the same type (standard or FIFO).")
    String destination;

    @Option(names = "--rate", paramLabel = "N",
            description = "Messages per second, any positive number (a native task takes a whole number from 1 to"
                    + " 500). Default: as fast as the queues allow (native: chosen by SQS).")
    Double rate;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "auto (default): a native move task when it can serve the request, else client-side,"
                    + " saying why; native: never falls back; client: move in this process.")
    ModeSelector.Mode mode = ModeSelector.Mode.AUTO;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Client-side workers, 1 to " + ClientOptions.MAX_CONCURRENCY + " (default "
                    + ClientOptions.DEFAULT_CONCURRENCY + ").")
    Integer concurrency;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N messages moved (client-side).")
    Long limit;

    @Option(names = "--copy", description = "Send without deleting from the DLQ (client-side).")
    boolean copy;

    @Option(names = "--dry-run", description = "Count what would move, per destination, with a few samples"
            + " (ids, sizes, attributes); move nothing (client-side).")
    boolean dryRun;

    @Option(names = "--show-bodies", description = "With --dry-run: show the sampled messages' bodies too.")
    boolean showBodies;

    @Option(names = "--filter", paramLabel = "EXPR",
            // MessageFilter.SYNTAX laid out in lines that fit the help's column: wrapped, picocli would break
            // inside a token (after "attr:").
            description = {"Move only matching messages (client-side); repeat it to require several. The others"
                    + " stay in the DLQ. EXPR is one of:",
                    "  attr:NAME  attr:NAME=VALUE  attr:NAME~REGEX",
                    "  body:TEXT  body~REGEX",
                    "  age>DURATION  age<DURATION  (30s, 15m, 2h, 7d)"})
    List<String> filters = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "HANDLE",
            description = "Carry on a client-side task that did not finish (crashed, killed, cancelled): deletes"
                    + " what it sent instead of sending it again, then moves the rest with its recorded options"
                    + " (SOURCE, --to, --filter, --copy, --rate and --limit may only repeat them; not with --dry-run).")
    String resume;

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
        MoveStarter.Request request = new MoveStarter.Request(source, destination, rate, mode,
                new ClientOptions(concurrency, limit, copy, dryRun, showBodies, List.copyOf(filters)), resume,
                safeRedrive.settings(watchAfterStart));
        MoveStarter.checkInput(request);
        try (Session session = root.session(spec)) {
            var ctx = session.context();
            ClientTaskRun clientRun = new ClientTaskRun(session.clients(), session.localTasks(),
                    new Journals(session.stateDir(), session.out()::warn), ctx.clock(), ctx.sleeper());
            MoveStarter starter = new MoveStarter(session.resolver(), session::nativeTasks, session.localTasks(),
                    clientRun, session.clients().settings().endpoint(), ctx.clock());
            MoveStarter.Started started;
            // The interrupt hook holds the JVM on Ctrl-C until the summary is out, so the live view is closed
            // here, after drawing how the run ended, rather than by a shutdown hook of its own.
            try (InterruptHook hook = InterruptHook.install(() -> clientRun.stop(StopReason.INTERRUPTED));
                 ClientRunEvents events = new ClientRunEvents(session.out(), (plan, how) ->
                         Confirmation.confirmed(ctx, session.out(),
                                 PlanText.lines(plan, how, rate, session::callerAccountIfOther), yes),
                         () -> Watching.liveScreen(session, false))) {
                started = starter.start(request, events);
                if (started.declined()) {
                    return ExitCode.DECLINED.code();
                }
                if (started.client() != null) {
                    events.end(started.client());
                    return ClientRunReport.print(session.out(), started.client(), rate);
                }
            }
            MoveTask task = started.nativeTask();
            printNative(session, task);
            if (!watchAfterStart) {
                return ExitCode.OK.code();
            }
            TaskTracker tracker = session.locator().byHandle(task.taskHandle());
            // An explicit bound reaches a native task only here: auto mode would have moved client-side.
            return Watching.watch(session, tracker, watch, request.safe().boundGiven()
                    ? Watching.returnWatch(session, task, request.safe().maxReturned()) : null);
        }
    }

    private void printNative(Session session, MoveTask task) {
        var out = session.out();
        if (out.json()) {
            ObjectNode n = TaskCodec.JSON.createObjectNode();
            n.put("taskHandle", task.taskHandle());
            n.put("source", task.sourceArn());
            n.put("destination", task.destinationArn());
            n.put("rate", rate == null ? null : (int) Math.round(rate));
            out.resultJsonLine(n); // with --watch, the watch lines follow: one object per line throughout
        } else {
            out.result(task.taskHandle());
            out.note("Started moving " + TaskText.name(task.sourceArn()) + " -> "
                    + TaskText.destination(task.destinationArn()) + " at " + TaskText.rate(task.rate())
                    + (watchAfterStart ? "" : "; follow with: redrive watch " + task.taskHandle()));
        }
    }
}
