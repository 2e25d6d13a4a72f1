package dev.sqsredrive.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.mover.StopReason;
import dev.sqsredrive.render.InspectJson;
import dev.sqsredrive.render.InspectText;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.triage.GroupKey;
import dev.sqsredrive.triage.Grouping;
import dev.sqsredrive.triage.Inspection;
import dev.sqsredrive.triage.ReceiveCountCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"See what is in a dead-letter queue and why it failed, without consuming it.",
                "Receives every message it can, keeps them hidden until the scan ends, then makes them all visible"
                        + " again at once; it never deletes or sends. Groups them by the reason the DLQ's producer"
                        + " recorded (Lambda's ErrorCode and ErrorMessage, EventBridge's ERROR_CODE and"
                        + " ERROR_MESSAGE), else by origin queue; --group-by chooses. Each group prints the"
                        + " --filter options that select exactly it, to paste into 'redrive start'.",
                "Each receive raises a message's ApproximateReceiveCount: a DLQ with a RedrivePolicy of its own is"
                        + " refused unless " + ReceiveCountCheck.OPTION + " is given. A FIFO DLQ shows only the"
                        + " first messages of each group (SQS hands out no more while they are held)."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive inspect orders-dlq",
                "  redrive inspect orders-dlq --group-by attr:tenant --group-by age",
                "  redrive inspect orders-dlq --group-by json:detail.errorType --max 5000",
                "  redrive inspect orders-dlq -o json | jq -c 'select(.type==\"group\")'"})
final class InspectCommand implements Callable<Integer> {

    static final int DEFAULT_GROUPS = 10;
    static final int MAX_GROUPS = 1000;

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "The DLQ: a queue name, URL or ARN.")
    String source;

    @Option(names = "--group-by", paramLabel = "KEY",
            description = {"Group by KEY; repeat it to group by several. KEY is one of:",
                    "  attr:NAME  json:PATH (dotted, e.g. detail.order.id)",
                    "  origin  age  size  reason (the default)"})
    List<String> groupBy = new ArrayList<>();

    @Option(names = "--groups", paramLabel = "N",
            description = "Show the N largest groups, the rest as one 'other' row (default " + DEFAULT_GROUPS
                    + ", at most " + MAX_GROUPS + ").")
    int groups = DEFAULT_GROUPS;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N messages seen (default: the whole DLQ).")
    Long max;

    @Option(names = "--show-bodies", description = "Show each group's sample body (cut at 4 KiB), not only its shape."
            + " Bodies may hold personal data.")
    boolean showBodies;

    @Option(names = ReceiveCountCheck.OPTION,
            description = "Scan a DLQ that has a RedrivePolicy of its own, although each receive raises a message's"
                    + " receive count, and one past that policy's maxReceiveCount moves to its DLQ.")
    boolean allowReceiveCount;

    @Override
    public Integer call() throws Exception {
        List<GroupKey> keys = groupBy.stream().map(GroupKey::parse).toList(); // offline: bad input fails fast
        if (groups < 1 || groups > MAX_GROUPS) {
            throw RedriveException.usage("--groups takes 1 to " + MAX_GROUPS + ", not " + groups);
        }
        if (max != null && max < 1) {
            throw RedriveException.usage("--max takes a positive number of messages, not " + max);
        }
        QueueRef ref = QueueRef.parse(source);
        try (Session session = root.session(spec)) {
            return AuditTrail.run(session, spec, trail -> {
                trail.source(source);
                ResolvedQueue queue = session.resolver().resolve(ref);
                trail.source(queue.arn());
                ReceiveCountCheck.check(queue, allowReceiveCount);
                Context ctx = session.context();
                Inspection inspection = new Inspection(session.clients(), session.clocks());
                Grouping grouping = new Grouping(keys, groups, inspection.start(), showBodies);
                Output out = session.out();
                InspectProgress progress = new InspectProgress(out.err(), ctx.terminal());
                try (InterruptHook hook = InterruptHook.install(() -> inspection.stop(StopReason.INTERRUPTED),
                        session.context().sleeper())) {
                    Inspection.Report report = inspection.run(queue, max, grouping, progress);
                    progress.end();
                    String status = status(report);
                    trail.count("seen", report.result().seen()).count("groups", report.result().groups().size())
                            .outcome(status);
                    int code = print(out, report, status);
                    // Under Ctrl-C the JVM exits once the hook returns: the line is written before that.
                    trail.end(code);
                    return code;
                }
            });
        }
    }

    private static String status(Inspection.Report r) {
        var s = r.summary();
        return s.error() != null ? "FAILED" : s.outcome() == dev.sqsredrive.mover.MoveSummary.Outcome.INTERRUPTED
                ? "INTERRUPTED" : "COMPLETED";
    }

    private static int print(Output out, Inspection.Report r, String status) {
        var s = r.summary();
        String notSeen = s.leftBehind().describe(true);
        Grouping.Result res = r.result();
        boolean other = res.other().count() > 0;
        if (out.json()) {
            res.groups().forEach(g -> out.resultJsonLine(InspectJson.group(g)));
            if (other) {
                out.resultJsonLine(InspectJson.other(res.other(), res.otherGroups()));
            }
            out.resultJsonLine(InspectJson.summary(r, status, notSeen));
        } else {
            res.groups().forEach(g -> InspectText.group(g).forEach(out::result));
            if (other) {
                InspectText.other(res.other(), res.otherGroups(), res.moreThanTracked()).forEach(out::result);
            }
            InspectText.summary(r, status, notSeen).forEach(out::result);
        }
        if (s.error() != null) {
            out.note("error: " + s.error());
            return ExitCode.AWS.code();
        }
        return status.equals("INTERRUPTED") ? ExitCode.INTERRUPTED.code() : ExitCode.OK.code();
    }
}
