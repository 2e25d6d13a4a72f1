package dev.sqsredrive.cli;

import java.time.format.DateTimeFormatter;
import java.time.ZoneId;

import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.TaskText;
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

    static int watch(Session session, TaskTracker tracker, WatchOptions options) throws InterruptedException {
        Output out = session.out();
        TaskWatch.Result result = session.taskWatch().run(tracker, options.interval, options.timeout, task -> {
            if (out.json()) {
                out.resultJsonLine(TaskCodec.toJson(task));
            } else {
                out.result(TIME.format(session.context().clock().instant()) + "  " + TaskText.line(task));
            }
        });
        return exitCode(out, result);
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
            case FAILED -> {
                out.note(out.style().red("redrive: task FAILED: ")
                        + (last.failureReason() == null ? "no reason given" : last.failureReason()));
                yield ExitCode.TASK_FAILED.code();
            }
            default -> throw new IllegalStateException("watch ended on a running task: " + last.status());
        };
    }
}
