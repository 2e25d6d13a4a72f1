package dev.sqsredrive.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.sqsredrive.aws.DeadLetterQueues.Dlq;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.render.DlqText;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.NativeTasks;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the move tasks of a DLQ, most recent first.",
                "Without SOURCE, lists every DLQ of the region (every queue a RedrivePolicy points at) with its"
                        + " depth, its source queues and its latest task."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive list", "  redrive list orders-dlq --max 3 -o json"})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "A DLQ: name, URL or ARN.")
    String source;

    @Option(names = "--max", paramLabel = "N",
            description = "With SOURCE: how many tasks, native and client-side together, 1 to 10 (default: "
                    + DEFAULT_MAX + "; SQS keeps the last 10).")
    Integer max;

    static final int DEFAULT_MAX = NativeTasks.MAX_LISTED;

    @Override
    public Integer call() {
        if (max != null && source == null) {
            throw RedriveException.usage("--max goes with SOURCE: without one, list shows each DLQ's latest task");
        }
        int bound = max == null ? DEFAULT_MAX : max;
        if (bound < 1 || bound > NativeTasks.MAX_LISTED) {
            throw RedriveException.usage("--max " + bound + " is out of range: 1 to " + NativeTasks.MAX_LISTED);
        }
        QueueRef ref = source == null ? null : QueueRef.parse(source);
        try (Session session = root.session(spec)) {
            TaskListing listing = session.taskListing();
            if (ref == null) {
                return overview(session, listing);
            }
            print(session.out(), listing.of(session.resolver().resolve(ref).arn(), bound));
            return ExitCode.OK.code();
        }
    }

    private static void print(Output out, List<MoveTask> tasks) {
        if (out.json()) {
            tasks.forEach(t -> out.resultJsonLine(TaskCodec.toJson(t)));
        } else if (tasks.isEmpty()) {
            out.note("No move tasks.");
        } else {
            TaskText.table(tasks).forEach(out::result);
        }
    }

    /** Every DLQ of the region: its depth, its sources, its latest task. */
    private int overview(Session session, TaskListing listing) {
        List<Dlq> dlqs = session.regionDlqSurvey();
        // A RedrivePolicy may name a queue that is gone: it has no tasks to ask for.
        List<Dlq> existing = dlqs.stream().filter(d -> d.url() != null).toList();
        Iterator<Optional<MoveTask>> found = listing.latestOf(existing.stream().map(Dlq::arn).toList()).iterator();
        List<Optional<MoveTask>> latest = dlqs.stream()
                .map(d -> d.url() == null ? Optional.<MoveTask>empty() : found.next()).toList();
        var out = session.out();
        if (out.json()) {
            for (int i = 0; i < dlqs.size(); i++) {
                out.resultJsonLine(DlqText.json(dlqs.get(i), latest.get(i)));
            }
        } else if (dlqs.isEmpty()) {
            out.note("No dead-letter queues in this region.");
        } else {
            DlqText.table(dlqs, latest).forEach(out::result);
        }
        return ExitCode.OK.code();
    }
}
