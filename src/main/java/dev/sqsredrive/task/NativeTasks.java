package dev.sqsredrive.task;

import java.time.Instant;
import java.util.List;

import dev.sqsredrive.aws.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/** SQS's own move tasks: StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask. */
public final class NativeTasks implements MoveTaskLister {

    /** ListMessageMoveTasks returns at most this many tasks (the most recent first). */
    public static final int MAX_LISTED = 10;

    private final SqsClient sqs;

    public NativeTasks(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** @return the task handle */
    public String start(String sourceArn, String destinationArn, Integer rate) {
        try {
            return sqs.startMessageMoveTask(r -> r.sourceArn(sourceArn).destinationArn(destinationArn)
                    .maxNumberOfMessagesPerSecond(rate)).taskHandle();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "move task from '" + nameOf(sourceArn) + "'");
        }
    }

    @Override
    public List<MoveTask> list(String sourceArn, int max) {
        try {
            return sqs.listMessageMoveTasks(r -> r.sourceArn(sourceArn).maxResults(max)).results().stream()
                    .limit(max) // some endpoints ignore MaxResults
                    .map(NativeTasks::toTask).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "queue '" + nameOf(sourceArn) + "'");
        }
    }

    /** @return the approximate number of messages moved before the cancel */
    public long cancel(String handle) {
        try {
            Long moved = sqs.cancelMessageMoveTask(r -> r.taskHandle(handle)).approximateNumberOfMessagesMoved();
            return moved == null ? 0 : moved;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "task '" + handle + "'");
        }
    }

    static MoveTask toTask(ListMessageMoveTasksResultEntry e) {
        return new MoveTask(e.taskHandle(), MoveTask.Kind.NATIVE, TaskStatus.parse(e.status()), e.sourceArn(),
                e.destinationArn(),
                e.maxNumberOfMessagesPerSecond() == null ? null : e.maxNumberOfMessagesPerSecond().doubleValue(),
                e.approximateNumberOfMessagesMoved() == null ? 0 : e.approximateNumberOfMessagesMoved(),
                e.approximateNumberOfMessagesToMove(), e.failureReason(),
                e.startedTimestamp() == null ? null : Instant.ofEpochMilli(e.startedTimestamp()));
    }

    static String nameOf(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
