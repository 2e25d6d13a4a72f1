package dev.sqsredrive.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.sqsredrive.aws.Parallel;

/**
 * The tasks `list` shows for a DLQ: SQS's native tasks, the client-side tasks recorded here, and native
 * tasks cancelled from here that the endpoint no longer lists (ElasticMQ drops cancelled tasks), as their
 * record keeps them. Newest first, one bound for all of them together.
 */
public final class TaskListing {

    /** ListMessageMoveTasks calls in flight at once when every DLQ's latest task is wanted. */
    static final int PARALLEL_CALLS = 16;

    private final Function<String, ? extends MoveTaskLister> nativeTasksForSource;
    private final LocalTasks local;

    public TaskListing(Function<String, ? extends MoveTaskLister> nativeTasksForSource, LocalTasks local) {
        this.nativeTasksForSource = nativeTasksForSource;
        this.local = local;
    }

    /** @param max how many tasks, 1 to 10 (SQS keeps no more native ones) */
    public List<MoveTask> of(String dlqArn, int max) {
        return merged(dlqArn, max, local.all());
    }

    /** The most recent task of each DLQ, in the order given; empty where a DLQ has none. */
    public List<Optional<MoveTask>> latestOf(List<String> dlqArns) {
        List<LocalTask> recorded = local.all();
        return Parallel.map(dlqArns, PARALLEL_CALLS, arn -> merged(arn, 1, recorded).stream().findFirst());
    }

    private List<MoveTask> merged(String arn, int max, List<LocalTask> recorded) {
        List<MoveTask> listed = nativeTasksForSource.apply(arn).list(arn, max);
        List<MoveTask> tasks = new ArrayList<>(listed);
        for (LocalTask r : recorded) {
            MoveTask t = r.task();
            if (!arn.equals(t.sourceArn())) {
                continue;
            }
            if (t.kind() == MoveTask.Kind.CLIENT) {
                tasks.add(local.live(r));
            } else if (r.cancelRequested() && listed.stream().noneMatch(n -> sameTask(n, t))) {
                tasks.add(cancelled(t));
            }
        }
        return tasks.stream()
                .sorted(Comparator.comparing(MoveTask::startedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(max)
                .toList();
    }

    private static boolean sameTask(MoveTask listed, MoveTask recorded) {
        return Objects.equals(listed.taskHandle(), recorded.taskHandle())
                || recorded.startedAt() != null && recorded.startedAt().equals(listed.startedAt());
    }

    /** A native task this machine cancelled, as recorded (records before this version kept it RUNNING). */
    static MoveTask cancelled(MoveTask t) {
        return new MoveTask(t.taskHandle(), t.kind(), TaskStatus.CANCELLED, t.sourceArn(), t.destinationArn(),
                t.rate(), t.moved(), t.toMove(), null, t.startedAt(), t.returned());
    }
}
