package dev.sqsredrive.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.render.LiveView;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.Screen;
import dev.sqsredrive.render.TaskText;
import dev.sqsredrive.render.TerminalScreen;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.QueueDepth;
import dev.sqsredrive.task.ReturnWatch;
import dev.sqsredrive.task.TaskCanceller;
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
     * Ctrl-C (or SIGTERM) ends the watch, not the task: the view is left as it was and one line on stderr
     * says the task goes on, and how to cancel it.
     */
    static int watch(Session session, TaskTracker tracker, WatchOptions options) throws InterruptedException {
        return watch(session, tracker, options, null, (code, last) -> { });
    }

    /** What is done with how a watch ended while Ctrl-C's hook still holds the JVM (the audit line). */
    interface Ended {
        /** @param last the task as last seen, null when no poll answered */
        void accept(int code, MoveTask last);
    }

    /**
     * As above, with the native task's circuit breaker: past its bound it cancels the task, and the watch ends
     * FAILED (exit 4) with the breaker's line.
     *
     * @param returns null for no breaker
     * @param ended   told how the watch ended, before Ctrl-C's hook lets the JVM exit
     */
    static int watch(Session session, TaskTracker tracker, WatchOptions options, ReturnWatch returns, Ended ended)
            throws InterruptedException {
        Thread watcher = Thread.currentThread();
        AtomicReference<MoveTask> seen = new AtomicReference<>();
        try (InterruptHook hook = InterruptHook.install(watcher::interrupt, InterruptHook.WATCH_TIMEOUT,
                session.context().sleeper())) {
            int code;
            try {
                code = follow(session, tracker, options, seen, returns);
                if (returns != null && returns.reason().isPresent()) {
                    session.out().note(session.out().style().red("redrive: task FAILED: ")
                            + returns.reason().get());
                    code = ExitCode.TASK_FAILED.code();
                }
            } catch (InterruptedException | RuntimeException e) {
                if (!hook.fired()) {
                    throw e;
                }
                // A poll under way when the signal came may end in the SDK's AbortedException instead.
                session.out().note(goesOn(seen.get(), tracker));
                code = ExitCode.INTERRUPTED.code();
            }
            ended.accept(code, seen.get());
            return code;
        }
    }

    /**
     * The breaker for a native task, when `start --mode native --watch` was given --max-returned: it reads the
     * DLQ's depth at each poll and cancels through the same path as `redrive cancel`.
     */
    static ReturnWatch returnWatch(Session session, MoveTask task, MaxReturned bound) {
        ResolvedQueue dlq = session.resolver().resolve(QueueRef.parse(task.sourceArn()));
        TaskCanceller canceller = new TaskCanceller(session::nativeTasks, session.localTasks(), session.locator(),
                session.context().clock());
        return new ReturnWatch(bound, QueueDepth.visible(session.clients().forRegion(dlq.region()), dlq.url(),
                dlq.name()), canceller::cancel, session.context().clock());
    }

    private static int follow(Session session, TaskTracker tracker, WatchOptions options,
                              AtomicReference<MoveTask> seen, ReturnWatch returns) throws InterruptedException {
        Output out = session.out();
        // Closed here even on Ctrl-C (the interrupt hook waits for that), so the line saying the task goes
        // on comes below the view rather than racing a shutdown hook of the view's own.
        Optional<Screen> screen = liveScreen(session);
        if (screen.isPresent()) {
            TaskWatch.Result result;
            try (LiveView view = new LiveView(screen.get(), out.style())) {
                result = session.taskWatch().follow(tracker, options.interval, options.timeout, task -> {
                    seen.set(task);
                    breaker(returns, task);
                    view.show(task, session.context().clock().instant());
                });
            }
            out.result(line(session, result.last()));
            return exitCode(out, result);
        }
        // The breaker needs every poll, the printing only the changes.
        TaskWatch.Result result = session.taskWatch().run(tracker, options.interval, options.timeout,
                task -> breaker(returns, task), task -> {
            seen.set(task);
            if (out.json()) {
                out.resultJsonLine(TaskCodec.toJson(task));
            } else {
                out.result(line(session, task));
            }
        });
        return exitCode(out, result);
    }

    private static void breaker(ReturnWatch returns, MoveTask task) {
        if (returns != null) {
            returns.poll(task);
        }
    }

    /** What an interrupted watch leaves behind: the task itself runs on, in SQS or in its mover's process. */
    static String goesOn(MoveTask last, TaskTracker tracker) {
        String where = last != null && last.kind() == MoveTask.Kind.CLIENT ? "in the process that moves it"
                : "inside SQS";
        String cancel = last != null && last.taskHandle() != null ? "redrive cancel " + last.taskHandle()
                : "redrive cancel --source " + TaskText.name(tracker.sourceArn());
        return "redrive: stopped watching; the task goes on " + where + " ('" + cancel + "' stops it)";
    }

    /**
     * The terminal to draw a live view on: only for a person at a terminal reading text, never with -o json.
     */
    static Optional<Screen> liveScreen(Session session) {
        return session.out().json() || !session.context().terminal() ? Optional.empty()
                : TerminalScreen.open();
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
            case INTERRUPTED -> { // the run stopped by a signal: not done, not cancelled; resumable
                out.note(out.style().yellow("redrive: task INTERRUPTED: ") + last.failureReason());
                yield ExitCode.TASK_FAILED.code();
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
