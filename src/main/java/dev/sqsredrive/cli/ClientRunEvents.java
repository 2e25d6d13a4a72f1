package dev.sqsredrive.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.render.ClientRunView;
import dev.sqsredrive.render.LiveView;
import dev.sqsredrive.mover.MoverConfig;
import dev.sqsredrive.render.DryRunText;
import dev.sqsredrive.render.MoveSummaryText;
import dev.sqsredrive.render.PlanText;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.Screen;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.render.WorkersText;
import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.task.ClientTaskRun;
import dev.sqsredrive.task.MovePlan;
import dev.sqsredrive.task.MoveStarter;
import dev.sqsredrive.task.MoveTask;

/**
 * What `start` prints while a client-side run goes: the handle first (text mode), so a script can read it
 * while the move runs; then, on a terminal, the live view on stderr, else a progress line on stderr every
 * few seconds. {@link #end} takes the view down before the summary is printed.
 */
final class ClientRunEvents implements MoveStarter.Events, AutoCloseable {

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final Output out;
    private final BiPredicate<MovePlan, String> confirm;
    private final Supplier<Optional<Screen>> screens;
    private Duration lastPrinted = Duration.ZERO;
    private ClientRunView view;
    private boolean dryRun;
    private String workersPlanned = "";
    private int workersShown;

    /**
     * @param confirm shows the plan and asks, before anything moves; true to go ahead
     * @param screens the terminal to draw the live view on, opened once the run starts; empty for plain lines
     */
    ClientRunEvents(Output out, BiPredicate<MovePlan, String> confirm, Supplier<Optional<Screen>> screens) {
        this.out = out;
        this.confirm = confirm;
        this.screens = screens;
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
                + TaskText.destination(task.destinationArn()) + " " + RateWords.of(task.rate(), false)
                + (workersPlanned.isEmpty() ? "" : ", " + workersPlanned) + "; Ctrl-C or 'redrive cancel " + task.taskHandle() + "' stops it");
        view = screens.get().map(s -> new ClientRunView(new LiveView(s, out.style()), task)).orElse(null);
    }

    @Override
    public void decided(String how, String why, Double rate, ClientOptions options) {
        dryRun = options.dryRun();
        out.verbose("mode: " + how + ": " + why);
        boolean client = !how.startsWith("native");
        out.verbose("rate: " + PlanText.rate(!client, rate));
        if (client) {
            workersPlanned = WorkersText.planned(options.concurrency(), rate);
            out.verbose("workers: " + workersPlanned + ", visibility timeout "
                    + MoverConfig.DEFAULT_VISIBILITY.toSeconds() + "s (extended while a message is being moved)");
        }
    }

    @Override
    public void fallback(String reason) {
        printNote("redrive: moving client-side: " + reason);
    }

    @Override
    public void note(String line) {
        printNote("redrive: " + line);
    }

    @Override
    public void onWaitingForInFlight(long inFlight, Duration upTo) {
        printNote("redrive: the DLQ looks drained but still holds " + inFlight + " message(s) this run has not"
                + " received (held by a stopped run, or another consumer): waiting up to " + upTo.toSeconds()
                + "s for them");
    }

    private void printNote(String line) {
        if (view == null) {
            out.note(line);
        } else {
            view.above(() -> out.note(line));
        }
    }

    @Override
    public void onProgress(MoveProgress p) {
        if (view == null && p.workers() != null && p.workers().current() != workersShown) {
            workersShown = p.workers().current(); // -v: each change of an adaptive number (the live view shows it)
            out.verbose(WorkersText.now(p.workers()));
        }
        if (view != null) {
            view.progress(p);
        } else if (p.elapsed().minus(lastPrinted).compareTo(PROGRESS_EVERY) >= 0) {
            lastPrinted = p.elapsed();
            out.note(out.style().dim(dryRun ? DryRunText.progress(p) : MoveSummaryText.progress(p)));
        }
    }

    /** The run is over: the view shows how it ended and leaves the terminal below it, for the summary. */
    void end(ClientTaskRun.Result result) {
        if (view != null) {
            view.end(result.task());
        }
        close();
    }

    /** Takes the view down (also when the run ended by an exception); nothing more is drawn after. */
    @Override
    public void close() {
        if (view != null) {
            view.close();
            view = null;
        }
    }
}
