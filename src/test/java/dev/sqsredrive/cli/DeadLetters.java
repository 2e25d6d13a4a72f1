package dev.sqsredrive.cli;

import java.time.Duration;
import java.util.List;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;

/** Dead-letters messages into a DLQ that already holds some (TestQueues.deadLetter waits for a total). */
final class DeadLetters {

    private DeadLetters() {
    }

    static List<String> more(TestQueues queues, Queue source, Queue dlq, int count, String bodyPrefix) {
        long before = queues.depth(dlq);
        List<String> bodies = queues.send(source, count, bodyPrefix);
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        while (queues.depth(dlq) < before + count) {
            queues.sqs().receiveMessage(r -> r.queueUrl(source.url()).maxNumberOfMessages(10).visibilityTimeout(0)
                    .waitTimeSeconds(0));
            deadline.check(() -> "dead-lettering " + count + " more messages into " + dlq.name());
        }
        return bodies;
    }
}
