package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.sqsredrive.aws.RedriveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/** ListMessageMoveTasks entries as AWS returns them, including what only AWS leaves out. */
class NativeTasksTest {

    private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";

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

    /** An endpoint whose StartMessageMoveTask answers with this error, as the SDK would raise it. */
    private static NativeTasks refusingStart(String code, String message) {
        SqsException refusal = (SqsException) SqsException.builder().statusCode(400).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Sqs").errorCode(code).errorMessage(message)
                        .build())
                .build();
        SqsClient refusing = new SqsClient() {
            @Override
            public StartMessageMoveTaskResponse startMessageMoveTask(StartMessageMoveTaskRequest request) {
                throw refusal;
            }

            @Override
            public String serviceName() {
                return "sqs";
            }

            @Override
            public void close() {
            }
        };
        return on(refusing);
    }

    /** The tasks of this endpoint, on a clock that stands still and a sleeper that does not wait. */
    private static NativeTasks on(SqsClient aws) {
        return new NativeTasks(aws, aws, Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC),
                d -> { });
    }

    /** AWS's wording is not reproduced by ElasticMQ (the integration suite covers ElasticMQ's own). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "InvalidParameterValue|There is already a task running. Only one active task is allowed for a source"
                    + " queue arn at a given time.",
            "AWS.SimpleQueueService.UnsupportedOperation|A message move task is already running on queue \"orders-dlq\""})
    void aSecondStartOnABusyDlqSaysHowToFollowOrStopTheRunningTask(String code, String message) {
        assertThatThrownBy(() -> refusingStart(code, message).start(ARN, null, null))
                .isInstanceOfSatisfying(RedriveException.class,
                        e -> assertThat(e.kind()).as("exit 3: SQS refused, retrying later can succeed")
                                .isEqualTo(RedriveException.Kind.AWS))
                .hasMessage("a move task is already running on 'orders-dlq': follow it with 'redrive watch orders-dlq'"
                        + " or stop it with 'redrive cancel --source orders-dlq'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "InvalidParameterValue|Source queue must be configured as a Dead Letter Queue.",
            "UnsupportedOperation|Cross-account move tasks are not supported."})
    void otherRefusalsWithTheSameCodesKeepTheServersWords(String code, String message) {
        assertThatThrownBy(() -> refusingStart(code, message).start(ARN, null, null))
                .isInstanceOf(RedriveException.class)
                .hasMessage("SQS refused move task from 'orders-dlq': " + message + " (" + code + ")");
    }

    /**
     * AWS lists no handle once a task has ended (ElasticMQ keeps it, so this is AWS-only): a start whose answer
     * was lost, and whose task already ended, is said as such rather than started a second time.
     */
    @Test
    void aLostStartWhoseTaskAlreadyEndedOnAwsIsSaidNotStartedAgain() {
        int[] starts = {0};
        SqsClient aws = new SqsClient() {
            @Override
            public StartMessageMoveTaskResponse startMessageMoveTask(StartMessageMoveTaskRequest request) {
                starts[0]++;
                throw SdkClientException.create("Unable to execute HTTP request: Connection reset",
                        new java.net.SocketException("Connection reset"));
            }

            @Override
            public ListMessageMoveTasksResponse listMessageMoveTasks(ListMessageMoveTasksRequest request) {
                return ListMessageMoveTasksResponse.builder().results(ListMessageMoveTasksResultEntry.builder()
                        .status("COMPLETED").sourceArn(ARN).approximateNumberOfMessagesMoved(3L)
                        .startedTimestamp(Instant.parse("2026-12-01T12:00:01Z").toEpochMilli()).build()).build();
            }

            @Override
            public String serviceName() {
                return "sqs";
            }

            @Override
            public void close() {
            }
        };
        NativeTasks tasks = on(aws);

        assertThatThrownBy(() -> tasks.start(ARN, null, null))
                .isInstanceOfSatisfying(RedriveException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedriveException.Kind.AWS))
                .hasMessage("the answer to the start was lost, and the task it started on 'orders-dlq' has already"
                        + " ended (COMPLETED): 'redrive list orders-dlq' shows it");
        assertThat(starts[0]).as("sent once, never resent").isEqualTo(1);
    }
}
