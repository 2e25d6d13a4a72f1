package dev.sqsredrive.task;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.RedriveException;

/**
 * Cancels a task. A native task through CancelMessageMoveTask, marked in its record (nothing else writes
 * it after the start); a client-side one through its cancel marker, which its mover polls (it may run in
 * another shell, rewriting its record meanwhile). Either way the cancel is recorded here, so that a
 * watcher can tell a cancelled task from one an endpoint merely stopped listing.
 */
public final class TaskCanceller {

    private final Function<String, NativeTasks> nativeTasksForSource;
    private final LocalTasks local;
    private final TaskLocator locator;
    private final Clock clock;

    public TaskCanceller(Function<String, NativeTasks> nativeTasksForSource, LocalTasks local, TaskLocator locator,
                         Clock clock) {
        this.nativeTasksForSource = nativeTasksForSource;
        this.local = local;
        this.locator = locator;
        this.clock = clock;
    }

    public Cancellation cancel(String handle) {
        Optional<LocalTask> record = local.find(handle);
        if (record.isPresent() && record.get().task().kind() == MoveTask.Kind.CLIENT) {
            MoveTask t = record.get().task();
            if (t.status().terminal()) {
                throw RedriveException.usage("task '" + handle + "' is already " + t.status());
            }
            local.requestCancel(handle, clock.instant());
            return new Cancellation(handle, MoveTask.Kind.CLIENT, t.moved());
        }
        String sourceArn = record.map(r -> r.task().sourceArn())
                .orElseGet(() -> locator.byHandle(handle).sourceArn());
        long moved = nativeTasksForSource.apply(sourceArn).cancel(handle);
        LocalTask marked = record.orElseGet(() -> new LocalTask(new MoveTask(handle, MoveTask.Kind.NATIVE,
                TaskStatus.RUNNING, sourceArn, null, null, moved, null, null, null), false, null, clock.instant()))
                .withCancelRequested(clock.instant());
        local.save(marked);
        return new Cancellation(handle, MoveTask.Kind.NATIVE, moved);
    }

    /** Cancels the running task of a DLQ, client-side or native. */
    public Cancellation cancelRunning(String sourceArn) {
        Optional<LocalTask> client = local.all().stream()
                .filter(t -> t.task().kind() == MoveTask.Kind.CLIENT && sourceArn.equals(t.task().sourceArn()))
                .filter(ClientTaskLiveness::moving)
                .findFirst();
        if (client.isPresent()) {
            return cancel(client.get().task().taskHandle());
        }
        return nativeTasksForSource.apply(sourceArn).list(sourceArn, NativeTasks.MAX_LISTED).stream()
                .filter(t -> t.status() == TaskStatus.RUNNING && t.taskHandle() != null)
                .findFirst()
                .map(t -> cancel(t.taskHandle()))
                .orElseThrow(() -> RedriveException.usage("no running move task on '" + QueueArns.name(sourceArn)
                        + "' to cancel ('redrive list " + QueueArns.name(sourceArn) + "' shows its tasks)"));
    }
}
