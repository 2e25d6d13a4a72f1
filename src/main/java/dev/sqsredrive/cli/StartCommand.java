package dev.sqsredrive.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.render.PlanText;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.task.MovePlan;
import dev.sqsredrive.task.MovePlanner;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.NativeStart;
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
                "Prints the task handle (for watch and cancel), or JSON with -o json.",
                "On a terminal, shows the plan and asks before starting (--yes skips the question)."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive start orders-dlq --watch",
                "  redrive start arn:aws:sqs:eu-west-1:123456789012:orders-dlq --to orders --rate 50",
                "  HANDLE=$(redrive start orders-dlq) && redrive watch \"$HANDLE\" --timeout 1h"})
final class StartCommand implements Callable<Integer> {

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "The DLQ: a queue name, URL or ARN.")
    String source;

    @Option(names = "--to", paramLabel = "DEST",
            description = "Move every message to this queue (name, URL or ARN) instead of its origin."
                    + " Must be of the same type (standard or FIFO).")
    String destination;

    @Option(names = "--rate", paramLabel = "N",
            description = "Messages per second, " + MovePlanner.MIN_NATIVE_RATE + " to " + MovePlanner.MAX_NATIVE_RATE
                    + ". Default: chosen by SQS (system-optimised).")
    Integer rate;

    @Option(names = "--watch", description = "Keep following the task until it ends, as 'redrive watch' does.")
    boolean watchAfterStart;

    @Option(names = {"-y", "--yes"}, description = "Start without showing the plan and asking first."
            + " Only a terminal is ever asked; answering no exits with 7.")
    boolean yes;

    @Mixin
    WatchOptions watch;

    @Override
    public Integer call() throws Exception {
        MovePlanner.checkInput(source, destination, rate);
        try (Session session = root.session(spec)) {
            MovePlan plan = new MovePlanner(session.resolver()).plan(source, destination, rate);
            session.out().verbose("source " + plan.source().arn() + " (~" + plan.source().approximateDepth()
                    + " messages), fed by " + plan.sourceUrls().size() + " queue(s)");
            if (!Confirmation.confirmed(session.context(), session.out(),
                    PlanText.lines(plan, "native (SQS move task)"), yes)) {
                return ExitCode.DECLINED.code();
            }
            MoveTask task = NativeStart.start(plan, session.nativeTasks(plan.source().arn()), session.localTasks(),
                    session.context().clock());
            print(session, task);
            if (!watchAfterStart) {
                return ExitCode.OK.code();
            }
            TaskTracker tracker = session.locator().byHandle(task.taskHandle());
            return Watching.watch(session, tracker, watch);
        }
    }

    private void print(Session session, MoveTask task) {
        var out = session.out();
        if (out.json()) {
            ObjectNode n = TaskCodec.JSON.createObjectNode();
            n.put("taskHandle", task.taskHandle());
            n.put("source", task.sourceArn());
            n.put("destination", task.destinationArn());
            n.put("rate", rate);
            if (watchAfterStart) {
                out.resultJsonLine(n); // the watch lines follow: keep the whole stream one object per line
            } else {
                out.resultJson(n);
            }
        } else {
            out.result(task.taskHandle());
            out.note("Started moving " + TaskText.name(task.sourceArn()) + " -> "
                    + TaskText.destination(task.destinationArn()) + " at " + TaskText.rate(task.rate())
                    + (watchAfterStart ? "" : "; follow with: redrive watch " + task.taskHandle()));
        }
    }
}
