package dev.sqsredrive.task;

/**
 * A client-side task's record says RUNNING for as long as its mover lives. When the mover process is gone
 * (killed, crashed, machine rebooted) without writing an end, the task is reported FAILED with the way to
 * resume, rather than RUNNING forever. A live mover asked to cancel is CANCELLING until it writes its end.
 */
final class ClientTaskLiveness {

    private ClientTaskLiveness() {
    }

    static MoveTask check(LocalTask record) {
        MoveTask t = record.task();
        if (t.status().terminal() || record.pid() == null) {
            return t;
        }
        boolean alive = ProcessHandle.of(record.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            return record.cancelRequested() ? withStatus(t, TaskStatus.CANCELLING) : t;
        }
        return new MoveTask(t.taskHandle(), t.kind(), TaskStatus.FAILED, t.sourceArn(), t.destinationArn(), t.rate(),
                t.moved(), t.toMove(), "mover process " + record.pid() + " ended without finishing; resume with"
                + " 'redrive start --resume " + t.taskHandle() + "'", t.startedAt(), t.returned());
    }

    /** Whether the task's mover is still at work (running, or stopping after a cancel). */
    static boolean moving(LocalTask record) {
        return !check(record).status().terminal();
    }

    private static MoveTask withStatus(MoveTask t, TaskStatus status) {
        return new MoveTask(t.taskHandle(), t.kind(), status, t.sourceArn(), t.destinationArn(), t.rate(),
                t.moved(), t.toMove(), t.failureReason(), t.startedAt(), t.returned());
    }
}
