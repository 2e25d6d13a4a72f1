package dev.sqsredrive.render;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.mover.file.FileRef;
import dev.sqsredrive.task.MovePlan;

/** The plan `start` shows before asking to go ahead: what moves, from where, to where, how fast, by whom. */
public final class PlanText {

    private PlanText() {
    }

    /**
     * @param mode                 how the move is done, e.g. "native (SQS move task)"
     * @param rate                 the rate asked for (a client-side rate may be fractional: the plan holds the
     *                             native one)
     * @param callerAccountIfOther the caller's account when a queue is in another one (shown then, so a
     *                             runbook pasted from another account does not go unnoticed)
     */
    public static List<String> lines(MovePlan plan, String mode, Double rate,
                                     Function<ResolvedQueue, Optional<String>> callerAccountIfOther) {
        long depth = plan.source().approximateDepth();
        String destination = plan.destination() == null
                ? "each message's origin (" + plan.sourceUrls().size() + " source queue"
                        + (plan.sourceUrls().size() == 1 ? "" : "s") + ")"
                : plan.destination().name() + "  (" + plan.destination().arn() + ")";
        boolean fileSource = FileRef.isFile(plan.source().arn());
        if (plan.destination() != null && FileRef.isFile(plan.destination().arn())) {
            destination = "file " + FileRef.ofAddress(plan.destination().arn()).typedPath();
        }
        Table t = new Table("About to move:", "")
                .row("  source", fileSource ? "file " + FileRef.ofAddress(plan.source().arn()).typedPath()
                        : plan.source().name() + "  (" + plan.source().arn() + ")")
                .row("  messages", fileSource ? depth + " (the file's message lines)"
                        : "about " + depth + " (ApproximateNumberOfMessages)")
                .row("  destination", destination);
        List<ResolvedQueue> queues = plan.destination() == null ? List.of(plan.source())
                : List.of(plan.source(), plan.destination());
        for (ResolvedQueue q : queues) {
            callerAccountIfOther.apply(q).ifPresent(caller -> t.row("  account", q.name() + " is in account "
                    + q.accountId() + ", not the caller's (" + caller + ")"));
        }
        return t.row("  rate", rate(mode.startsWith("native"), rate)).row("  mode", mode).lines();
    }

    /** The rate as the plan and -v say it. */
    public static String rate(boolean nativeTask, Double rate) {
        return rate != null ? TaskText.rate(rate).replace("/s", " messages/s")
                : nativeTask ? "chosen by SQS (system-optimised)" : "as fast as the queues allow";
    }
}
