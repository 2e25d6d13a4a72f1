package dev.sqsredrive.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import dev.sqsredrive.render.LiveView;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.Screen;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.render.TerminalScreen;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskTracker;
import dev.sqsredrive.task.TaskWatch;

/** Watches a task to its end and turns how it ended into the exit code; for `watch` and `start --watch`. */
final class Watching {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Watching() {
    }

    /**
     * On a terminal (and -o text) a live view on stderr, then the final state as one line on stdout, so it
     * stays in the scroll-back as the result; otherwise a line (or a JSON object) per change on stdout.
     */
    static int watch(Session session, TaskTracker tracker, WatchOptions options) throws InterruptedException {
        Output out = session.out();
        Optional<Screen> screen = liveScreen(session, true);
        if (screen.isPresent()) {
            TaskWatch.Result result;
            try (LiveView view = new LiveView(screen.get(), out.style())) {
                result = session.taskWatch().follow(tracker, options.interval, options.timeout,
                        task -> view.show(task, session.context().clock().instant()));
            }
            out.result(line(session, result.last()));
            return exitCode(out, result);
        }
        TaskWatch.Result result = session.taskWatch().run(tracker, options.interval, options.timeout, task -> {
            if (out.json()) {
                out.resultJsonLine(TaskCodec.toJson(task));
            } else {
                out.result(line(session, task));
            }
        });
        return exitCode(out, result);
    }

    /**
     * The terminal to draw a live view on: only for a person at a terminal reading text, never with -o json.
     *
     * @param leaveOnExit see {@link TerminalScreen#open(boolean)}
     */
    static Optional<Screen> liveScreen(Session session, boolean leaveOnExit) {
        return session.out().json() || !session.context().terminal() ? Optional.empty()
                : TerminalScreen.open(leaveOnExit);
    }

    private static String line(Session session, MoveTask task) {
        return TIME.format(session.context().clock().instant()) + "  " + TaskText.line(task);
    }

    static int exitCode(Output out, TaskWatch.Result result) {
        MoveTask last = result.last();
        if (result.timedOut()) {
            out.note("redrive: still " + last.status() + " when --timeout passed; the task goes on"
                    + (last.taskHandle() == null ? "" : " ('redrive cancel " + last.taskHandle() + "' stops it)"));
            return ExitCode.TIMEOUT.code();
        }
        return switch (last.status()) {
            case COMPLETED -> ExitCode.OK.code();
            case CANCELLED -> ExitCode.TASK_CANCELLED.code();
            case INCOMPLETE -> {
                out.note(out.style().yellow("redrive: task INCOMPLETE: ")
                        + (last.failureReason() == null ? "messages are still in the DLQ" : last.failureReason()));
                yield ExitCode.INCOMPLETE.code();
            }
            case FAILED -> {
                out.note(out.style().red("redrive: task FAILED: ")
                        + (last.failureReason() == null ? "no reason given" : last.failureReason()));
                yield ExitCode.TASK_FAILED.code();
            }
            default -> throw new IllegalStateException("watch ended on a running task: " + last.status());
        };
    }
}
