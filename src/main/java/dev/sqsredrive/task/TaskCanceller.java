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
            MoveTask t = local.live(record.get()); // a mover that no longer runs cannot be cancelled
            if (t.status().terminal()) {
                throw RedriveException.usage("task '" + handle + "' is already " + t.status()
                        + (t.failureReason() == null ? "" : ": " + t.failureReason()));
            }
            local.requestCancel(handle, clock.instant());
            return new Cancellation(handle, MoveTask.Kind.CLIENT, t.moved());
        }
        if (record.isPresent() && record.get().cancelRequested()) {
            MoveTask t = record.get().task();
            throw RedriveException.usage("task '" + handle + "' is already cancelled (from this machine); about "
                    + t.moved() + " message(s) had moved");
        }
        String sourceArn = record.map(r -> r.task().sourceArn())
                .orElseGet(() -> locator.byHandle(handle).sourceArn());
        NativeTasks tasks = nativeTasksForSource.apply(sourceArn);
        // What SQS says of the task now, kept in the record: some endpoints stop listing a cancelled task
        // (ElasticMQ), and then the record is all that tells its destination, rate and counts.
        Optional<MoveTask> seen = tasks.list(sourceArn, NativeTasks.MAX_LISTED).stream()
                .filter(t -> handle.equals(t.taskHandle())).findFirst();
        long moved = tasks.cancel(handle);
        MoveTask last = seen.or(() -> record.map(LocalTask::task)).orElseGet(() -> new MoveTask(handle,
                MoveTask.Kind.NATIVE, TaskStatus.RUNNING, sourceArn, null, null, 0, null, null, null));
        MoveTask kept = new MoveTask(handle, MoveTask.Kind.NATIVE, TaskStatus.CANCELLED, sourceArn,
                last.destinationArn(), last.rate(), Math.max(moved, last.moved()), last.toMove(), null,
                last.startedAt());
        local.save(new LocalTask(kept, true, null, clock.instant()));
        return new Cancellation(handle, MoveTask.Kind.NATIVE, moved);
    }

    /** Cancels the running task of a DLQ, client-side or native. */
    public Cancellation cancelRunning(String sourceArn) {
        Optional<LocalTask> client = local.all().stream()
                .filter(t -> t.task().kind() == MoveTask.Kind.CLIENT && sourceArn.equals(t.task().sourceArn()))
                .filter(local::moving)
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
