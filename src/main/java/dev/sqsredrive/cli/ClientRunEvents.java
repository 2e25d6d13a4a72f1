package dev.sqsredrive.cli;

import java.time.Duration;
import java.util.function.BiPredicate;

import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.render.MoveSummaryText;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.task.MovePlan;
import dev.sqsredrive.task.MoveStarter;
import dev.sqsredrive.task.MoveTask;

/**
 * What `start` prints while a client-side run goes: the handle first (text mode), so a script can read it
 * while the move runs; then a progress line on stderr every few seconds.
 */
final class ClientRunEvents implements MoveStarter.Events {

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final Output out;
    private final BiPredicate<MovePlan, String> confirm;
    private Duration lastPrinted = Duration.ZERO;

    /** @param confirm shows the plan and asks, before anything moves; true to go ahead */
    ClientRunEvents(Output out, BiPredicate<MovePlan, String> confirm) {
        this.out = out;
        this.confirm = confirm;
    }

    @Override
    public boolean confirm(MovePlan plan, String how) {
        return confirm.test(plan, how);
    }

    @Override
    public void started(MoveTask task) {
        if (!out.json()) {
            out.result(task.taskHandle());
        }
        out.note("Moving client-side: " + TaskText.name(task.sourceArn()) + " -> "
                + TaskText.destination(task.destinationArn()) + " at " + TaskText.rate(task.rate())
                + "; Ctrl-C or 'redrive cancel " + task.taskHandle() + "' stops it");
    }

    @Override
    public void fallback(String reason) {
        out.note("redrive: moving client-side: " + reason);
    }

    @Override
    public void note(String line) {
        out.note("redrive: " + line);
    }

    @Override
    public void onWaitingForInFlight(long inFlight, Duration upTo) {
        out.note("redrive: the DLQ looks drained but still holds " + inFlight + " message(s) this run has not"
                + " received (held by a stopped run, or another consumer): waiting up to " + upTo.toSeconds()
                + "s for them");
    }

    @Override
    public void onProgress(MoveProgress p) {
        if (p.elapsed().minus(lastPrinted).compareTo(PROGRESS_EVERY) >= 0) {
            lastPrinted = p.elapsed();
            out.note(out.style().dim(MoveSummaryText.progress(p)));
        }
    }
}
