package dev.sqsredrive.cli;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.mover.StopReason;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.PlanText;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.task.CheckedStart;
import dev.sqsredrive.task.ClientTaskRun;
import dev.sqsredrive.task.MovePlanner;
import dev.sqsredrive.task.MoveStarter;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskTracker;

/**
 * What `start` does with a checked request: starts the move in the mode asked for, showing the plan and asking
 * first on a terminal; a client-side run stops cleanly on Ctrl-C and ends with its summary as the result; a
 * native task's handle is printed and, with --watch, the task followed to its end.
 */
final class StartFlow {

    private final Session session;
    private final boolean yes;
    private final Optional<WatchOptions> watchAfterStart;
    private final AuditTrail trail;

    /**
     * @param yes             start without asking
     * @param watchAfterStart how to follow a native task once started; empty to print its handle and return
     * @param trail           what the audit log is told of this start
     */
    StartFlow(Session session, boolean yes, Optional<WatchOptions> watchAfterStart, AuditTrail trail) {
        this.session = session;
        this.yes = yes;
        this.watchAfterStart = watchAfterStart;
        this.trail = trail;
    }

    /** @return the exit code */
    int run(CheckedStart checked) throws InterruptedException {
        MoveStarter.Request request = checked.request();
        ClientTaskRun clientRun = session.clientRun();
        MoveStarter starter = session.moveStarter(clientRun);
        var ctx = session.context();
        // An export to file:- writes its lines to stdout: the handle and the summary go to stderr instead.
        Output out = MovePlanner.isStdout(request.destination()) ? session.out().resultsOnStderr() : session.out();
        MoveStarter.Started started;
        // The interrupt hook holds the JVM on Ctrl-C until the summary is out, so the live view is closed
        // here, after drawing how the run ended, rather than by a shutdown hook of its own.
        try (InterruptHook hook = InterruptHook.install(() -> clientRun.stop(StopReason.INTERRUPTED), ctx.sleeper());
             ClientRunEvents events = new ClientRunEvents(out, (plan, how) ->
                     Confirmation.confirmed(ctx, out,
                             PlanText.lines(plan, how, request.rate(), session::callerAccountIfOther), yes),
                     () -> Watching.liveScreen(session))) {
            started = starter.start(checked, events);
            if (started.declined()) {
                return ExitCode.DECLINED.code();
            }
            if (started.client() != null) {
                events.end(started.client());
                int code = ClientRunReport.print(out, started.client(), request.rate());
                ClientRunReport.record(trail, started.client());
                trail.end(code); // before the hook closes: after Ctrl-C, the JVM exits once it has
                return code;
            }
        }
        MoveTask task = started.nativeTask();
        trail.handle(task.taskHandle()).source(task.sourceArn()).destination(task.destinationArn());
        printNative(task, request.rate());
        if (watchAfterStart.isEmpty()) {
            trail.outcome(task.status().name());
            return ExitCode.OK.code();
        }
        TaskTracker tracker = session.locator().byHandle(task.taskHandle());
        // An explicit bound reaches a native task only here: auto mode would have moved client-side.
        // The audit line is written while Ctrl-C's hook still holds the JVM, with the task as last seen.
        return Watching.watch(session, tracker, watchAfterStart.get(), request.safe().boundGiven()
                ? Watching.returnWatch(session, task, request.safe().maxReturned()) : null, (code, last) -> {
                    if (last != null) {
                        trail.outcome(last.status().name()).count("moved", last.moved());
                    }
                    trail.end(code);
                });
    }

    private void printNative(MoveTask task, Double rate) {
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
                    + TaskText.destination(task.destinationArn()) + " " + RateWords.of(task.rate(), true)
                    + (watchAfterStart.isPresent() ? "" : "; follow with: redrive watch " + task.taskHandle()));
        }
    }
}
