package dev.sqsredrive.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The tasks `list` shows: SQS's native tasks of the given DLQs, and the client-side tasks recorded here. */
public final class TaskListing {

    private final Function<String, NativeTasks> nativeTasksForSource;
    private final LocalTasks local;

    public TaskListing(Function<String, NativeTasks> nativeTasksForSource, LocalTasks local) {
        this.nativeTasksForSource = nativeTasksForSource;
        this.local = local;
    }

    /** @param max how many native tasks per DLQ, 1 to 10 (SQS keeps no more) */
    public List<MoveTask> of(List<String> dlqArns, int max) {
        List<MoveTask> tasks = new ArrayList<>();
        for (String arn : dlqArns) {
            tasks.addAll(nativeTasksForSource.apply(arn).list(arn, max));
            tasks.addAll(local.all().stream()
                    .filter(t -> t.task().kind() == MoveTask.Kind.CLIENT && arn.equals(t.task().sourceArn()))
                    .limit(max)
                    .map(ClientTaskLiveness::check)
                    .toList());
        }
        return tasks;
    }
}
