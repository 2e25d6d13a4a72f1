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
    void aCompletedTaskWhoseTotalTheEndpointForgotMovedAllOfIt() {
        // ElasticMQ reports ApproximateNumberOfMessagesToMove 0 once a task completes; "5/0 moved" reads as a bug,
        // and the README shows what AWS says: everything it was to move.
        assertThat(TaskText.line(task(TaskStatus.COMPLETED, 5, 0L, 1.0, null)))
                .startsWith("COMPLETED  5/5 moved  rate 1/s");
    }

    @Test
    void messagesThatArrivedDuringTheMoveAreToldApartNeverAsMoreThanTheTotal() {
        MoveTask grew = task(TaskStatus.RUNNING, 494, 200L, null, null);
        assertThat(TaskText.line(grew)).startsWith("RUNNING  494 (200 at the start, 294 arrived since) moved");
        assertThat(String.join("\n", TaskText.table(java.util.List.of(grew)))).contains("200 +294 since");
    }

    @Test
    void returnsShowInTheWatchLineAndAsAColumnOfTheListOnlyWhenThereAreAny() {
        MoveTask none = task(TaskStatus.COMPLETED, 5, 5L, 1.0, null);
        MoveTask some = new MoveTask("c", MoveTask.Kind.CLIENT, TaskStatus.INCOMPLETE,
                "arn:aws:sqs:eu-west-1:123456789012:orders-dlq", null, null, 30, 30L, null, Instant.EPOCH, 7);
        assertThat(TaskText.line(some)).startsWith("INCOMPLETE  30/30 moved  7 returned  rate auto");
        assertThat(TaskText.line(none)).doesNotContain("returned");
        assertThat(TaskText.table(java.util.List.of(none)).get(0)).doesNotContain("RETURNED");
        var table = TaskText.table(java.util.List.of(some, none));
        assertThat(table.get(0)).matches("SOURCE +STATUS +MOVED +RETURNED +TO MOVE .*");
        assertThat(table.get(1)).matches("orders-dlq +INCOMPLETE +30 +7 +30 .*");
        assertThat(table.get(2)).matches("orders-dlq +COMPLETED +5 +0 +5 .*");
    }
}
