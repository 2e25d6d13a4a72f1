package dev.sqsredrive.task;

import java.util.Optional;
import java.util.function.Function;

import dev.sqsredrive.aws.RedriveException;

/**
 * One mover per DLQ: a client-side run does not start while another one (alive) or a native move task
 * is running on the same DLQ. Two movers would each receive what the other holds back, and a native task
 * next to a filtered client-side run would move what the filter meant to leave.
 */
final class MoverExclusion {

    private MoverExclusion() {
    }

    /**
     * @param except the handle of the task being resumed (its own old record), or null
     * @param isDlq  whether any queue dead-letters into the source (only then can a native task run on it)
     */
    static void check(MovePlan plan, LocalTasks local, Function<String, NativeTasks> nativeTasksForSource,
                      String except, boolean isDlq) {
        String arn = plan.source().arn();
        String name = plan.source().name();
        Optional<LocalTask> client = local.all().stream()
                .filter(t -> t.task().kind() == MoveTask.Kind.CLIENT && arn.equals(t.task().sourceArn()))
                .filter(t -> !t.task().taskHandle().equals(except))
                .filter(ClientTaskLiveness::moving)
                .findFirst();
        if (client.isPresent()) {
            String handle = client.get().task().taskHandle();
            throw RedriveException.usage("client-side task " + handle + " is already moving '" + name + "' (process "
                    + client.get().pid() + "): follow it with 'redrive watch " + handle + "' or stop it with"
                    + " 'redrive cancel " + handle + "'");
        }
        if (!isDlq) {
            return;
        }
        boolean nativeRunning = nativeTasksForSource.apply(arn).list(arn, NativeTasks.MAX_LISTED).stream()
                .anyMatch(t -> t.status() == TaskStatus.RUNNING);
        if (nativeRunning) {
            throw RedriveException.usage("a move task is already running on '" + name + "': follow it with"
                    + " 'redrive watch " + name + "' or stop it with 'redrive cancel --source " + name + "'");
        }
    }
}
