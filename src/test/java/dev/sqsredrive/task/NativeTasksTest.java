package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/** ListMessageMoveTasks entries as AWS returns them, including what only AWS leaves out. */
class NativeTasksTest {

    @Test
    void aFinishedAwsTaskHasNoHandleAndKeepsItsOtherFields() {
        ListMessageMoveTasksResultEntry e = ListMessageMoveTasksResultEntry.builder()
                .status("FAILED").sourceArn("arn:aws:sqs:eu-west-1:123456789012:dlq")
                .approximateNumberOfMessagesMoved(12L).approximateNumberOfMessagesToMove(40L)
                .failureReason("AWS.SimpleQueueService.NonExistentQueue").startedTimestamp(1795418894529L)
                .build();

        MoveTask t = NativeTasks.toTask(e);

        assertThat(t.taskHandle()).isNull();
        assertThat(t.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(t.destinationArn()).as("each message back to its origin").isNull();
        assertThat(t.rate()).as("system-optimised").isNull();
        assertThat(t.moved()).isEqualTo(12);
        assertThat(t.toMove()).isEqualTo(40);
        assertThat(t.failureReason()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(t.startedAt()).isEqualTo(Instant.ofEpochMilli(1795418894529L));
        assertThat(t.kind()).isEqualTo(MoveTask.Kind.NATIVE);
    }

    @Test
    void aRunningTaskCarriesItsHandleAndRate() {
        MoveTask t = NativeTasks.toTask(ListMessageMoveTasksResultEntry.builder().taskHandle("h").status("RUNNING")
                .sourceArn("arn:aws:sqs:eu-west-1:123456789012:dlq").destinationArn("arn:aws:sqs:eu-west-1:1:o")
                .maxNumberOfMessagesPerSecond(50).build());
        assertThat(t.taskHandle()).isEqualTo("h");
        assertThat(t.rate()).isEqualTo(50.0);
        assertThat(t.moved()).isZero();
        assertThat(t.toMove()).isNull();
        assertThat(t.startedAt()).isNull();
    }
}
