package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `start --mode native --watch --max-returned N` against ElasticMQ, whose move task really moves the messages
 * server-side, while a consumer keeps failing them: it receives from the origin and never deletes, so with
 * maxReceiveCount 1 each message dead-letters again. The watcher sees the DLQ's depth, cancels the task past
 * the bound and ends FAILED; every message is still in the DLQ or its origin.
 */
@Timeout(180)
class NativeReturnWatchTest extends ElasticMqCliTest {

    private static final int MESSAGES = 60;

    @Test
    void aTaskWhoseMessagesKeepComingBackIsCancelledPastTheBound() throws InterruptedException {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        queues.deadLetter(orders, dlq, MESSAGES, "m");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failed = new AtomicLong();
        Thread consumer = new Thread(() -> failEverything(orders, stop, failed), "failing-consumer");
        consumer.start();
        RunResult r;
        try {
            r = redrive("start", dlq.name(), "--mode", "native", "--watch", "--max-returned", "5", "--rate", "2",
                    "--interval", "200ms");
        } finally {
            stop.set(true);
            consumer.join(Duration.ofSeconds(30));
        }

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED.code());
        assertThat(r.err()).as(r.toString()).containsPattern("redrive: task FAILED: cancelled the move task: \\d+ of"
                + " the \\d+ messages moved came back to the DLQ within \\d+ s: its consumer is still failing them;"
                + " the rest stay in the DLQ");
        assertThat(r.outLines().getLast()).as(r.toString()).contains("CANCELLED");
        assertThat(failed.get()).as("the consumer failed messages").isPositive();
        // No message lost: once the consumer stopped, each one is back in view in the DLQ or its origin.
        Deadline.await(Duration.ofSeconds(30), () -> queues.depth(dlq) + queues.depth(orders) == MESSAGES,
                () -> "dlq " + queues.depth(dlq) + " + orders " + queues.depth(orders) + " == " + MESSAGES);
    }

    /** Receives every message the task moves into the origin and lets it fail (visibility 0, no delete). */
    private void failEverything(Queue origin, AtomicBoolean stop, AtomicLong failed) {
        Deadline deadline = Deadline.in(Duration.ofSeconds(150));
        while (!stop.get()) {
            failed.addAndGet(queues.sqs().receiveMessage(q -> q.queueUrl(origin.url()).maxNumberOfMessages(10)
                    .visibilityTimeout(0).waitTimeSeconds(0)).messages().size());
            deadline.check(() -> "the test to stop the failing consumer");
        }
    }
}
