package dev.sqsredrive.render;

import java.util.List;

import dev.sqsredrive.task.MovePlan;

/** The plan `start` shows before asking to go ahead: what moves, from where, to where, how fast, by whom. */
public final class PlanText {

    private PlanText() {
    }

    /**
     * @param mode how the move is done, e.g. "native (SQS move task)"
     * @param rate the rate asked for (a client-side rate may be fractional: the plan holds the native one)
     */
    public static List<String> lines(MovePlan plan, String mode, Double rate) {
        long depth = plan.source().approximateDepth();
        String destination = plan.destination() == null
                ? "each message's origin (" + plan.sourceUrls().size() + " source queue"
                        + (plan.sourceUrls().size() == 1 ? "" : "s") + ")"
                : plan.destination().name() + "  (" + plan.destination().arn() + ")";
        return new Table("About to move:", "")
                .row("  source", plan.source().name() + "  (" + plan.source().arn() + ")")
                .row("  messages", "about " + depth + " (ApproximateNumberOfMessages)")
                .row("  destination", destination)
                .row("  rate", rate != null ? TaskText.rate(rate).replace("/s", " messages/s")
                        : mode.startsWith("native") ? "chosen by SQS (system-optimised)" : "as fast as the queues allow")
                .row("  mode", mode)
                .lines();
    }
}
