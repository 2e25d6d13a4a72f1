package dev.sqsredrive.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.RedriveException;

/**
 * Follows one task from poll to poll. A native task is listed by its source; SQS drops the handle once the
 * task leaves RUNNING, so after the first sighting the task is recognised by its start time instead.
 * A client-side task is read from its local record.
 */
public final class TaskTracker {

    private final Function<String, ? extends MoveTaskLister> nativeTasksForSource;
    private final LocalTasks local;
    private final String sourceArn;
    private final MoveTask.Kind kind;
    private String handle;
    private Instant startedAt;
    private MoveTask last;

    /**
     * @param nativeTasksForSource gives the NativeTasks of the region a source ARN lives in
     * @param handle               the handle to follow, or null to follow the source's most recent task
     * @param startedAt            the start time when already known (a local record), else null
     */
    public TaskTracker(Function<String, ? extends MoveTaskLister> nativeTasksForSource, LocalTasks local, String sourceArn,
                       MoveTask.Kind kind, String handle, Instant startedAt) {
        this.nativeTasksForSource = nativeTasksForSource;
        this.local = local;
        this.sourceArn = sourceArn;
        this.kind = kind;
        this.handle = handle;
        this.startedAt = startedAt;
    }

    public String sourceArn() {
        return sourceArn;
    }

    /** The task as it is now. */
    public MoveTask poll() {
        MoveTask now = kind == MoveTask.Kind.CLIENT ? pollClient() : pollNative();
        last = now;
        return now;
    }

    private MoveTask pollClient() {
        LocalTask record = local.find(handle).orElseThrow(() -> RedriveException.aws(
                "the record of client-side task '" + handle + "' is gone from " + local.directory(), null));
        return local.live(record);
    }

    private MoveTask pollNative() {
        List<MoveTask> tasks = nativeTasksForSource.apply(sourceArn).list(sourceArn, NativeTasks.MAX_LISTED);
        Optional<MoveTask> found = find(tasks);
        if (found.isPresent()) {
            MoveTask t = found.get();
            if (t.startedAt() != null) {
                // SQS's own start time, even over a recorded one: a record may hold this machine's clock (when
                // the new task was not listed yet), which would never match once SQS drops the handle.
                startedAt = t.startedAt();
            }
            if (handle == null) {
                handle = t.taskHandle();
            }
            return t.taskHandle() == null ? t.withHandle(handle) : t;
        }
        return vanished();
    }

    private Optional<MoveTask> find(List<MoveTask> tasks) {
        if (handle != null) {
            Optional<MoveTask> byHandle = tasks.stream().filter(t -> handle.equals(t.taskHandle())).findFirst();
            if (byHandle.isPresent()) {
                return byHandle;
            }
        }
        if (startedAt != null) {
            return tasks.stream().filter(t -> startedAt.equals(t.startedAt())).findFirst();
        }
        if (handle == null) {
            // Following a source: its running task, else its most recent one.
            return tasks.stream().filter(t -> t.status() == TaskStatus.RUNNING).findFirst()
                    .or(() -> tasks.stream().findFirst());
        }
        return Optional.empty();
    }

    /**
     * The task is no longer listed. AWS keeps finished tasks listed; ElasticMQ drops cancelled ones. When
     * this machine asked for the cancel, that is what happened; otherwise nobody can say, and we do not guess.
     */
    private MoveTask vanished() {
        Optional<LocalTask> cancelledHere = handle == null ? Optional.empty()
                : local.find(handle).filter(LocalTask::cancelRequested);
        if (cancelledHere.isPresent()) {
            // The record holds what the cancel learnt (destination, rate, the count SQS gave at the cancel);
            // a count seen since is newer.
            MoveTask kept = cancelledHere.get().task();
            long moved = Math.max(kept.moved(), last == null ? 0 : last.moved());
            return new MoveTask(handle, MoveTask.Kind.NATIVE, TaskStatus.CANCELLED, sourceArn, kept.destinationArn(),
                    kept.rate(), moved, kept.toMove(), null, kept.startedAt() != null ? kept.startedAt() : startedAt);
        }
        throw RedriveException.aws("task " + (handle == null ? "of '" + QueueArns.name(sourceArn) + "'"
                : "'" + handle + "'") + " is not among the last " + NativeTasks.MAX_LISTED
                + " move tasks of '" + QueueArns.name(sourceArn) + "'", null);
    }
}
