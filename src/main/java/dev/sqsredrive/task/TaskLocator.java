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

    /**
     * Follows the most recent task of a source, native or client-side: the one `list` shows first (the same
     * merge, so both agree), including a native task cancelled from here that the endpoint no longer lists.
     */
    public TaskTracker bySource(String sourceArn) {
        MoveTask newest = new TaskListing(nativeTasksForSource, local).of(sourceArn, 1).stream().findFirst()
                .orElseThrow(() -> RedriveException.usage("no move task for '" + QueueArns.name(sourceArn)
                        + "': start one with 'redrive start'"));
        return new TaskTracker(nativeTasksForSource, local, sourceArn, newest.kind(), newest.taskHandle(),
                newest.startedAt());
    }
}
