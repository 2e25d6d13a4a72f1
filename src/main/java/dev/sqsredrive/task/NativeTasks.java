package dev.sqsredrive.task;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.RedriveException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/** SQS's own move tasks: StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask. */
public final class NativeTasks implements MoveTaskLister {

    /** ListMessageMoveTasks returns at most this many tasks (the most recent first). */
    public static final int MAX_LISTED = 10;

    private static final Set<String> ALREADY_RUNNING_CODES = Set.of(
            "InvalidParameterValue", "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation");

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
            String name = QueueArns.name(sourceArn);
            if (isTaskAlreadyRunning(e)) {
                // Exit 3 like any refusal by SQS, not 2: the command was right, the queue is busy, and the
                // same command succeeds once that task has ended. Scripts may wait and retry on 3.
                throw RedriveException.aws("a move task is already running on '" + name + "': follow it with"
                        + " 'redrive watch " + name + "' or stop it with 'redrive cancel --source " + name + "'", e);
            }
            throw AwsErrors.translate(e, "move task from '" + name + "'");
        }
    }

    /**
     * SQS allows one active task per DLQ. AWS refuses a second with InvalidParameterValue "There is already
     * a task running. Only one active task is allowed for a source queue arn at a given time."; ElasticMQ
     * with UnsupportedOperation "A message move task is already running on queue ...". Both codes also
     * mean other things, so the words decide.
     */
    static boolean isTaskAlreadyRunning(SdkException e) {
        String code = AwsErrors.errorCode(e);
        if (!ALREADY_RUNNING_CODES.contains(code) || !(e instanceof AwsServiceException ase)
                || ase.awsErrorDetails() == null || ase.awsErrorDetails().errorMessage() == null) {
            return false;
        }
        String message = ase.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT);
        return message.contains("already") && message.contains("running");
    }

    @Override
    public List<MoveTask> list(String sourceArn, int max) {
        try {
            return sqs.listMessageMoveTasks(r -> r.sourceArn(sourceArn).maxResults(max)).results().stream()
                    .limit(max) // some endpoints ignore MaxResults
                    .map(NativeTasks::toTask).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "queue '" + QueueArns.name(sourceArn) + "'");
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
}
