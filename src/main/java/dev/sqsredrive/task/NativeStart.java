package dev.sqsredrive.task;

import java.time.Clock;
import java.util.Optional;

/**
 * Starts a native move task and records it locally. The record keeps the task's start time, which is how
 * it is recognised once SQS stops listing its handle (after RUNNING), and lets watch and cancel find
 * tasks whose handles do not name their queue.
 */
public final class NativeStart {

    private NativeStart() {
    }

    public static MoveTask start(MovePlan plan, NativeTasks tasks, LocalTasks local, Clock clock) {
        String sourceArn = plan.source().arn();
        String handle = tasks.start(sourceArn, plan.destinationArn(), plan.rate());
        Optional<MoveTask> listed = tasks.list(sourceArn, NativeTasks.MAX_LISTED).stream()
                .filter(t -> handle.equals(t.taskHandle())).findFirst();
        MoveTask task = listed.orElseGet(() -> new MoveTask(handle, MoveTask.Kind.NATIVE, TaskStatus.RUNNING,
                sourceArn, plan.destinationArn(), plan.rate() == null ? null : plan.rate().doubleValue(), 0,
                plan.source().approximateDepth(), null, clock.instant()));
        local.save(new LocalTask(task, false, null, clock.instant()));
        return task;
    }
}
