package dev.sqsredrive.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.task.Cancellation;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCanceller;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskHandles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Cancel a running move task. What already moved stays moved.",
                "Prints the approximate number of messages moved before the cancel."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive cancel \"$HANDLE\"", "  redrive cancel --source orders-dlq"})
final class CancelCommand implements Callable<Integer> {

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "HANDLE", description = "The task handle, from start or list.")
        String handle;

        @Option(names = "--source", paramLabel = "SOURCE", description = "Cancel the running task of this DLQ.")
        String source;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = root.session(spec)) {
            return AuditTrail.run(session, spec, trail -> {
                trail.source(target.source).handle(target.handle);
                QueueRef sourceRef = target.source == null ? null : QueueRef.parse(target.source);
                TaskCanceller canceller = session.canceller();
                Cancellation c;
                if (sourceRef == null) {
                    trail.source(sourceOf(session, target.handle));
                    c = canceller.cancel(target.handle);
                } else {
                    String sourceArn = session.resolver().resolve(sourceRef).arn();
                    trail.source(sourceArn);
                    c = canceller.cancelRunning(sourceArn);
                }
                trail.handle(c.handle()).count("moved", c.moved())
                        .outcome(c.kind() == MoveTask.Kind.CLIENT ? "CANCELLING" : "CANCELLED");
                print(session.out(), c);
                return ExitCode.OK.code();
            });
        }
    }

    /** For the audit log: the DLQ a handle's task moves from, as far as the handle or its record tell. */
    private static String sourceOf(Session session, String handle) {
        return TaskHandles.sourceArnOf(handle)
                .or(() -> session.localTasks().find(handle).map(t -> t.task().sourceArn())).orElse(null);
    }

    private static void print(Output out, Cancellation c) {
        if (out.json()) {
            ObjectNode n = TaskCodec.JSON.createObjectNode();
            n.put("taskHandle", c.handle());
            n.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            n.put("approximateNumberOfMessagesMoved", c.moved());
            out.resultJsonLine(n);
        } else {
            out.result(Long.toString(c.moved()));
            out.note("Cancel " + (c.kind() == MoveTask.Kind.CLIENT ? "requested" : "accepted")
                    + " for " + c.handle() + "; about " + c.moved() + " message(s) had moved.");
        }
    }
}
