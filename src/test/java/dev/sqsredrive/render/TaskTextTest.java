package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import org.junit.jupiter.api.Test;

class TaskTextTest {

    private static MoveTask task(TaskStatus status, long moved, Long toMove, Double rate, String destination) {
        return new MoveTask("h", MoveTask.Kind.NATIVE, status, "arn:aws:sqs:eu-west-1:123456789012:orders-dlq",
                destination, rate, moved, toMove, null, Instant.EPOCH);
    }

    @Test
    void aWatchLineShowsProgressRateAndRoute() {
        assertThat(TaskText.line(task(TaskStatus.RUNNING, 120, 300L, 10.0,
                "arn:aws:sqs:eu-west-1:123456789012:orders")))
                .isEqualTo("RUNNING  120/300 moved  rate 10/s  orders-dlq -> orders");
        assertThat(TaskText.line(task(TaskStatus.RUNNING, 0, null, null, null)))
                .isEqualTo("RUNNING  0 moved  rate auto  orders-dlq -> each message's origin");
    }

    @Test
    void aTotalBelowTheCountMovedIsLeftOut() {
        // ElasticMQ reports ApproximateNumberOfMessagesToMove 0 once a task completes; "5/0 moved" reads as a bug.
        assertThat(TaskText.line(task(TaskStatus.COMPLETED, 5, 0L, 1.0, null)))
                .startsWith("COMPLETED  5 moved  rate 1/s");
    }
}
