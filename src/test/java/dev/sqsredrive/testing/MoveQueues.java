package dev.sqsredrive.testing;

import java.util.List;

/**
 * What a move test starts from: a DLQ holding {@code bodies} and the queue they are to move to (no redrive
 * policy between them: the messages were sent to the DLQ, not dead-lettered).
 */
public record MoveQueues(TestQueues.Queue dlq, TestQueues.Queue target, List<String> bodies) {

    /** Both queues created on {@code queues}, and {@code messages} messages (m-0, m-1, ...) sent to the DLQ. */
    public static MoveQueues filled(TestQueues queues, String dlqName, String targetName, int messages) {
        TestQueues.Queue dlq = queues.create(dlqName);
        TestQueues.Queue target = queues.create(targetName);
        return new MoveQueues(dlq, target, queues.send(dlq, messages, "m"));
    }
}
