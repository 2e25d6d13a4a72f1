package dev.sqsredrive.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.RedriveException;
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
                "Without SOURCE, lists every DLQ of the region (every queue a RedrivePolicy points at)."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive list", "  redrive list orders-dlq --max 3 -o json"})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "A DLQ: name, URL or ARN.")
    String source;

    @Option(names = "--max", paramLabel = "N", defaultValue = "10",
            description = "Tasks per DLQ, 1 to 10 (default: ${DEFAULT-VALUE}; SQS keeps the last 10).")
    int max;

    @Override
    public Integer call() {
        if (max < 1 || max > NativeTasks.MAX_LISTED) {
            throw RedriveException.usage("--max " + max + " is out of range: 1 to " + NativeTasks.MAX_LISTED);
        }
        QueueRef ref = source == null ? null : QueueRef.parse(source);
        try (Session session = root.session(spec)) {
            List<String> dlqs = ref == null ? session.regionDlqs() : List.of(session.resolver().resolve(ref).arn());
            List<MoveTask> tasks = new TaskListing(session::nativeTasks, session.localTasks()).of(dlqs, max);
            var out = session.out();
            if (out.json()) {
                ArrayNode array = TaskCodec.JSON.createArrayNode();
                tasks.forEach(t -> array.add(TaskCodec.toJson(t)));
                out.resultJson(array);
            } else if (tasks.isEmpty()) {
                out.note(dlqs.isEmpty() ? "No dead-letter queues in this region." : "No move tasks.");
            } else {
                TaskText.table(tasks).forEach(out::result);
            }
            return ExitCode.OK.code();
        }
    }
}
