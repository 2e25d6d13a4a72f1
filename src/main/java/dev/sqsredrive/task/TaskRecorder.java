package dev.sqsredrive.task;

import java.time.Clock;
import java.time.Instant;

import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.mover.MoveSummary;
import dev.sqsredrive.mover.ProgressListener;

/**
 * Keeps a client-side task's record up to date while its mover runs (so list and watch in another shell
 * see it), and notices a cancel recorded by another shell. The record is rewritten from this run's memory;
 * the cancel lives in a marker only `cancel` writes (see {@link LocalTasks#requestCancel}), so it is never
 * overwritten here. Rewritten at least every {@link ClientTaskLiveness#HEARTBEAT}, with this process's pid and
 * start stamp, which is how other shells tell that this mover still runs.
 */
final class TaskRecorder implements ProgressListener {

    private final LocalTasks local;
    private final Clock clock;
    private final Runnable onCancel;
    private final java.util.function.Consumer<RuntimeException> onStateFailure;
    private final long movedBefore;
    private final long returnedBefore;
    private MoveTask task;
    private Instant savedAt;

    /**
     * @param task     the task as it starts (its moved count is what earlier runs moved)
     * @param onCancel       stops the mover; called on every progress after a cancel was recorded
     * @param onStateFailure told when the record cannot be written during the run (a full disk): it ends the
     *                       run in order, with its summary
     */
    TaskRecorder(LocalTasks local, Clock clock, MoveTask task, Runnable onCancel,
                 java.util.function.Consumer<RuntimeException> onStateFailure) {
        this.local = local;
        this.clock = clock;
        this.onCancel = onCancel;
        this.onStateFailure = onStateFailure;
        this.task = task;
        this.movedBefore = task.moved();
        this.returnedBefore = task.returned();
    }

    /** Records the task as started; a resumed task starts without the cancel that stopped its last run. */
    void start() {
        local.clearCancel(task.taskHandle());
        save(task, false);
    }

    @Override
    public void onProgress(MoveProgress p) {
        try {
            record(p);
        } catch (RuntimeException e) {
            onStateFailure.accept(e);
        }
    }

    private void record(MoveProgress p) {
        boolean cancel = local.find(task.taskHandle()).map(LocalTask::cancelRequested).orElse(false);
        if (cancel) {
            onCancel.run();
        }
        MoveTask now = with(TaskStatus.RUNNING, movedBefore + p.moved(), returned(p.returned()), null);
        // the heartbeat: rewritten when unchanged too, so that a record nobody refreshes means no mover runs
        if (!now.equals(task) || savedAt == null || !clock.instant().isBefore(savedAt.plus(ClientTaskLiveness.HEARTBEAT))) {
            save(now, cancel);
        }
    }

    /** Records how the task ended, and returns it. */
    MoveTask finish(MoveSummary s) {
        boolean cancel = local.find(task.taskHandle()).map(LocalTask::cancelRequested).orElse(false);
        TaskStatus status = switch (s.outcome()) {
            case COMPLETED -> TaskStatus.COMPLETED;
            case INCOMPLETE -> TaskStatus.INCOMPLETE;
            case FAILED -> TaskStatus.FAILED;
            case CANCELLED -> TaskStatus.CANCELLED;
            case INTERRUPTED -> TaskStatus.INTERRUPTED; // a signal, not a cancel: what watch then says differs
        };
        MoveTask end = with(status, movedBefore + s.moved(), returned(s.returned()), switch (status) {
            case FAILED -> ClientTaskRun.reason(s);
            case INCOMPLETE -> s.leftBehind().describe(false);
            case INTERRUPTED -> "stopped by Ctrl-C or SIGTERM before it finished; resume with 'redrive start"
                    + " --resume " + task.taskHandle() + "'";
            default -> null;
        });
        save(end, cancel);
        local.clearCancel(task.taskHandle()); // the record now says whether a cancel was asked for
        return end;
    }

    /** The task as last recorded, or as it was to be recorded when that write failed. */
    MoveTask last() {
        return task;
    }

    private void save(MoveTask t, boolean cancel) {
        task = t;
        savedAt = clock.instant();
        local.save(new LocalTask(t, cancel, MoverProcess.selfPid(), MoverProcess.selfStart(), savedAt));
    }

    /**
     * Not added to the earlier runs' count: a resumed run knows what they moved, so the returns they saw, still
     * in the DLQ, are counted again by this one; the larger of the two is the closer.
     */
    private long returned(long thisRun) {
        return Math.max(returnedBefore, thisRun);
    }

    private MoveTask with(TaskStatus status, long moved, long returned, String failure) {
        return new MoveTask(task.taskHandle(), task.kind(), status, task.sourceArn(), task.destinationArn(),
                task.rate(), moved, task.toMove(), failure, task.startedAt(), returned);
    }
}
