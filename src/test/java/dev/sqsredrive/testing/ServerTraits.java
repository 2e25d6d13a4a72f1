package dev.sqsredrive.testing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an SQS-compatible test server differs from AWS: one named {@link Difference} per known difference
 * (docs/TESTING.md, "Where the servers differ from AWS", and what the suites observed), and one method per
 * difference that a scenario branches on.
 * Scenarios branch on these by name, never by loosening an assertion for every server. AWS itself has none.
 *
 * @param server      for failure messages
 * @param differences what this server does unlike AWS
 */
public record ServerTraits(String server, Set<Difference> differences) {

    /** One way an emulator is not AWS. */
    public enum Difference {
        /**
         * A native task without a destination sends every message to one queue whose RedrivePolicy names the
         * DLQ (whichever it finds first, not necessarily the first created), ignoring each message's
         * DeadLetterQueueSourceArn; AWS sends each message back to its own origin.
         */
        ROUTES_TO_ONE_SOURCE,
        /** A cancelled task vanishes from ListMessageMoveTasks; AWS keeps it there as CANCELLED. */
        FORGETS_CANCELLED_TASKS,
        /** A native FIFO move task completes at once having moved nothing; AWS moves FIFO DLQs. */
        FIFO_TASKS_MOVE_NOTHING,
        /** ListMessageMoveTasks ignores MaxResults (AWS: default 1, at most 10): the tool bounds --max itself. */
        IGNORES_MAX_RESULTS,
        /** StartMessageMoveTask accepts any rate (1000 too); AWS refuses anything outside 1–500. */
        ACCEPTS_ANY_RATE,
        /** StartMessageMoveTask on a queue that is no DLQ, without a destination, never answers; AWS refuses. */
        HANGS_ON_A_SOURCE_THAT_IS_NO_DLQ,
        /** A missing queue is QueueDoesNotExist where AWS says ResourceNotFoundException. */
        SAYS_QUEUE_DOES_NOT_EXIST,
        /** A second task on a busy DLQ is UnsupportedOperation where AWS says InvalidParameterValue. */
        BUSY_DLQ_IS_UNSUPPORTED_OPERATION,
        /**
         * ListMessageMoveTasks keeps a task's TaskHandle after the task ended; AWS drops it once the task leaves
         * RUNNING, so the tool recognises an ended task by its start time.
         */
        LISTS_HANDLES_OF_ENDED_TASKS,
        /**
         * ApproximateNumberOfMessagesToMove is 0 once a task completed; AWS keeps the count taken at its start.
         */
        FORGETS_COUNT_TO_MOVE,
        /** Task handles are UUIDs (also valid queue names); AWS's are base64 JSON naming the source ARN. */
        HANDLES_ARE_UUIDS,
        /** A native task moves one message at a time, however high its rate (slow, but counts stay right). */
        MOVES_ONE_AT_A_TIME,
        /**
         * A short poll (WaitTimeSeconds 0) sees every visible message. AWS samples a subset of its servers
         * and may answer empty while messages wait, so a drain on AWS long-polls before it calls a queue empty.
         */
        SHORT_POLL_SEES_EVERY_MESSAGE,
        /**
         * ApproximateNumberOfMessages* are exact at once. On AWS they are eventually consistent (they lag by
         * up to a minute), so on AWS a scenario counts what a drain receives, and waits on depth with patience.
         */
        COUNTS_ARE_EXACT,
        /**
         * A queue and its attributes (RedrivePolicy) work as soon as CreateQueue answers. AWS propagates them
         * over up to 60 s: a scenario on AWS gets longer deadlines for what depends on them.
         */
        QUEUES_ARE_READY_AT_ONCE,
    }

    public static final ServerTraits AWS = new ServerTraits("AWS", EnumSet.noneOf(Difference.class));

    public static final ServerTraits ELASTIC_MQ = new ServerTraits("ElasticMQ", EnumSet.of(
            Difference.ROUTES_TO_ONE_SOURCE, Difference.FORGETS_CANCELLED_TASKS, Difference.FIFO_TASKS_MOVE_NOTHING,
            Difference.IGNORES_MAX_RESULTS, Difference.ACCEPTS_ANY_RATE, Difference.HANGS_ON_A_SOURCE_THAT_IS_NO_DLQ,
            Difference.SAYS_QUEUE_DOES_NOT_EXIST, Difference.BUSY_DLQ_IS_UNSUPPORTED_OPERATION,
            Difference.LISTS_HANDLES_OF_ENDED_TASKS, Difference.FORGETS_COUNT_TO_MOVE, Difference.HANDLES_ARE_UUIDS,
            Difference.SHORT_POLL_SEES_EVERY_MESSAGE, Difference.COUNTS_ARE_EXACT,
            Difference.QUEUES_ARE_READY_AT_ONCE));

    /**
     * From docs/TESTING.md (one message at a time, routing by DeadLetterQueueSourceArn, no MaxResults or rate
     * validation); the rest assumes LocalStack matches AWS. Not observed where this was written (no Docker):
     * the first run with Docker confirms or corrects it.
     */
    public static final ServerTraits LOCALSTACK = new ServerTraits("LocalStack", EnumSet.of(
            Difference.IGNORES_MAX_RESULTS, Difference.ACCEPTS_ANY_RATE, Difference.MOVES_ONE_AT_A_TIME,
            Difference.SHORT_POLL_SEES_EVERY_MESSAGE, Difference.COUNTS_ARE_EXACT,
            Difference.QUEUES_ARE_READY_AT_ONCE));

    public ServerTraits {
        differences = differences.isEmpty() ? EnumSet.noneOf(Difference.class) : EnumSet.copyOf(differences);
    }

    public boolean has(Difference difference) {
        return differences.contains(difference);
    }

    /** See {@link Difference#ROUTES_TO_ONE_SOURCE}. */
    public boolean routesEachMessageToItsOrigin() {
        return !has(Difference.ROUTES_TO_ONE_SOURCE);
    }

    /** See {@link Difference#FORGETS_CANCELLED_TASKS}. */
    public boolean listsCancelledTasks() {
        return !has(Difference.FORGETS_CANCELLED_TASKS);
    }

    /** See {@link Difference#FIFO_TASKS_MOVE_NOTHING}. */
    public boolean movesFifoMessages() {
        return !has(Difference.FIFO_TASKS_MOVE_NOTHING);
    }

    /** See {@link Difference#SHORT_POLL_SEES_EVERY_MESSAGE}: how long a drain's empty poll waits. */
    public int emptyPollWaitSeconds() {
        return has(Difference.SHORT_POLL_SEES_EVERY_MESSAGE) ? 0 : 2;
    }

    /**
     * See {@link Difference#COUNTS_ARE_EXACT} and {@link Difference#QUEUES_ARE_READY_AT_ONCE}: how long
     * fixtures wait for a queue to show what was done to it.
     */
    public java.time.Duration patience() {
        return has(Difference.COUNTS_ARE_EXACT) && has(Difference.QUEUES_ARE_READY_AT_ONCE)
                ? java.time.Duration.ofSeconds(60) : java.time.Duration.ofSeconds(180);
    }
}
