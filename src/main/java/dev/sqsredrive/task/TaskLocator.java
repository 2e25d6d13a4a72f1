package dev.sqsredrive.task;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.RedriveException;

/**
 * Finds which queue a task handle belongs to: the local record first (client-side tasks and native tasks
 * started here), then the handle itself (AWS handles name their source), and last a scan of the region's
 * DLQs (opaque handles of other endpoints, tasks started elsewhere).
 */
public final class TaskLocator {

    private final Function<String, NativeTasks> nativeTasksForSource;
    private final LocalTasks local;
    private final Supplier<List<String>> regionDlqs;

    public TaskLocator(Function<String, NativeTasks> nativeTasksForSource, LocalTasks local,
                       Supplier<List<String>> regionDlqs) {
        this.nativeTasksForSource = nativeTasksForSource;
        this.local = local;
        this.regionDlqs = regionDlqs;
    }

    public TaskTracker byHandle(String handle) {
        Optional<LocalTask> record = local.find(handle);
        if (record.isPresent()) {
            MoveTask t = record.get().task();
            return new TaskTracker(nativeTasksForSource, local, t.sourceArn(), t.kind(), handle, t.startedAt());
        }
        Optional<String> source = TaskHandles.sourceArnOf(handle);
        if (source.isPresent()) {
            return new TaskTracker(nativeTasksForSource, local, source.get(), MoveTask.Kind.NATIVE, handle, null);
        }
        for (String dlq : regionDlqs.get()) {
            boolean listed = nativeTasksForSource.apply(dlq).list(dlq, NativeTasks.MAX_LISTED).stream()
                    .anyMatch(t -> handle.equals(t.taskHandle()));
            if (listed) {
                return new TaskTracker(nativeTasksForSource, local, dlq, MoveTask.Kind.NATIVE, handle, null);
            }
        }
        throw RedriveException.usage("unknown task handle '" + handle + "': not recorded here, and no DLQ of this"
                + " region has a running task with it; 'redrive list' shows the tasks");
    }

    /** Follows the most recent task of a source, native or client-side, whichever started last. */
    public TaskTracker bySource(String sourceArn) {
        Optional<LocalTask> client = local.all().stream()
                .filter(t -> t.task().kind() == MoveTask.Kind.CLIENT && sourceArn.equals(t.task().sourceArn()))
                .findFirst();
        Optional<MoveTask> nativeTask = nativeTasksForSource.apply(sourceArn).list(sourceArn, 1).stream().findFirst();
        if (client.isPresent() && (nativeTask.isEmpty() || nativeTask.get().startedAt() == null
                || client.get().task().startedAt().isAfter(nativeTask.get().startedAt()))) {
            MoveTask t = client.get().task();
            return new TaskTracker(nativeTasksForSource, local, sourceArn, MoveTask.Kind.CLIENT, t.taskHandle(),
                    t.startedAt());
        }
        if (nativeTask.isEmpty()) {
            throw RedriveException.usage("no move task for '" + QueueArns.name(sourceArn)
                    + "': start one with 'redrive start'");
        }
        return new TaskTracker(nativeTasksForSource, local, sourceArn, MoveTask.Kind.NATIVE,
                nativeTask.get().taskHandle(), nativeTask.get().startedAt());
    }
}
