package dev.sqsredrive.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.time.Sleeper;
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

    /** Attempts of one start, each alone; SQS's clocks and ours may differ by this much. */
    static final int START_ATTEMPTS = 4;
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration BACKOFF = Duration.ofMillis(250);

    private final SqsClient sqs;
    private final SqsClient startClient;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param startClient a client that makes one attempt per call: retries of a start are this class's own */
    public NativeTasks(SqsClient sqs, SqsClient startClient, Clock clock, Sleeper sleeper) {
        this.sqs = sqs;
        this.startClient = startClient;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Starts a task once. The SDK would resend a start whose answer was lost (a reset after SQS acted, a
     * timeout), and every resend that reached SQS started another task (found by the fault matrix: 5 tasks
     * for one start). So each attempt goes alone, and before the next one the source's tasks are listed: a
     * running task like the one asked for, started since the first attempt, is that attempt's task.
     *
     * @return the task handle
     */
    public String start(String sourceArn, String destinationArn, Integer rate) {
        Instant since = clock.instant().minus(CLOCK_SKEW);
        for (int attempt = 1; ; attempt++) {
            try {
                return startClient.startMessageMoveTask(r -> r.sourceArn(sourceArn).destinationArn(destinationArn)
                        .maxNumberOfMessagesPerSecond(rate)).taskHandle();
            } catch (SdkException e) {
                boolean resent = attempt > 1;
                if (resent && (isTaskAlreadyRunning(e) || worthRetrying(e))) {
                    Optional<String> earlier = startedSince(sourceArn, destinationArn, rate, since);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                if (isTaskAlreadyRunning(e)) {
                    // Exit 3 like any refusal by SQS, not 2: the command was right, the queue is busy, and the
                    // same command succeeds once that task has ended. Scripts may wait and retry on 3.
                    String name = QueueArns.name(sourceArn);
                    throw RedriveException.aws("a move task is already running on '" + name + "': follow it with"
                            + " 'redrive watch " + name + "' or stop it with 'redrive cancel --source " + name + "'", e);
                }
                if (!worthRetrying(e) || attempt == START_ATTEMPTS) {
                    throw AwsErrors.translate(e, "move task from '" + QueueArns.name(sourceArn) + "'");
                }
                Optional<String> started = startedSince(sourceArn, destinationArn, rate, since);
                if (started.isPresent()) {
                    return started.get();
                }
                sleep(BACKOFF.multipliedBy(1L << (attempt - 1)), e);
            }
        }
    }

    /** Throttled, a server error, or no answer at all: SQS may take the same request a moment later. */
    static boolean worthRetrying(SdkException e) {
        if (e instanceof AwsServiceException ase) {
            return ase.isThrottlingException() || ase.statusCode() >= 500;
        }
        return e.retryable() || e.getCause() instanceof java.io.IOException;
    }

    /**
     * The handle of a task like the one asked for, started since the first attempt, in any status: a small
     * move may have ended before the listing. AWS lists no handle once a task has ended: then there is a
     * task, but nothing to follow, which is said rather than starting a second one.
     */
    private Optional<String> startedSince(String sourceArn, String destinationArn, Integer rate, Instant since) {
        List<MoveTask> like;
        try {
            like = list(sourceArn, MAX_LISTED).stream()
                    .filter(t -> t.startedAt() == null || !t.startedAt().isBefore(since))
                    .filter(t -> Objects.equals(t.destinationArn(), destinationArn))
                    .filter(t -> rate == null || t.rate() != null && t.rate().intValue() == rate)
                    .toList();
        } catch (RedriveException cannotList) {
            return Optional.empty(); // the next attempt says what is wrong
        }
        Optional<String> handle = like.stream().map(MoveTask::taskHandle).filter(Objects::nonNull).findFirst();
        if (handle.isEmpty() && !like.isEmpty()) {
            String name = QueueArns.name(sourceArn);
            throw RedriveException.aws("the answer to the start was lost, and the task it started on '" + name
                    + "' has already ended (" + like.get(0).status() + "): 'redrive list " + name + "' shows it",
                    null);
        }
        return handle;
    }

    private void sleep(Duration d, SdkException cause) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw AwsErrors.translate(cause, "move task");
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
