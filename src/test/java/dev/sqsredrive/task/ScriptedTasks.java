package dev.sqsredrive.task;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * ListMessageMoveTasks as AWS answers it, scripted one answer per poll (the last answer repeats): for the
 * behaviours no local server shows, such as AWS dropping TaskHandle once a task leaves RUNNING.
 */
final class ScriptedTasks implements MoveTaskLister {

    static final String DLQ = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";
    static final String ORDERS = "arn:aws:sqs:eu-west-1:123456789012:orders";

    private final Deque<List<MoveTask>> answers = new ArrayDeque<>();
    final List<String> askedFor = new ArrayList<>();

    ScriptedTasks then(MoveTask... tasks) {
        answers.add(List.of(tasks));
        return this;
    }

    @Override
    public List<MoveTask> list(String sourceArn, int max) {
        askedFor.add(sourceArn);
        List<MoveTask> answer = answers.size() > 1 ? answers.poll() : answers.peek();
        return answer == null ? List.of() : answer.stream().limit(max).toList();
    }

    /** A native task of the DLQ as AWS lists it: the handle only while RUNNING. */
    static MoveTask task(String handle, TaskStatus status, long moved, Instant startedAt) {
        return new MoveTask(status == TaskStatus.RUNNING ? handle : null, MoveTask.Kind.NATIVE, status, DLQ, ORDERS,
                10.0, moved, 100L, status == TaskStatus.FAILED ? "CouldNotDetermineMessageSource" : null, startedAt);
    }
}
