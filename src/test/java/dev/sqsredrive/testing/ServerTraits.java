package dev.sqsredrive.testing;

/**
 * How an SQS-compatible test server's move tasks differ from AWS, one named flag per known difference
 * (DESIGN.md §5 and what the suites observed). Scenarios branch on these by name, never by loosening an
 * assertion for every server.
 *
 * @param routesEachMessageToItsOrigin without a destination, AWS sends each message back to the queue named
 *                                     by its DeadLetterQueueSourceArn; ElasticMQ sends every message to
 *                                     one queue whose RedrivePolicy names the DLQ (whichever it finds
 *                                     first, not necessarily the first created)
 * @param listsCancelledTasks          AWS keeps a cancelled task in ListMessageMoveTasks as CANCELLED;
 *                                     ElasticMQ drops it from the list
 * @param movesFifoMessages            AWS moves FIFO DLQs; ElasticMQ's FIFO move tasks complete having moved
 *                                     nothing
 */
public record ServerTraits(boolean routesEachMessageToItsOrigin, boolean listsCancelledTasks,
                           boolean movesFifoMessages) {

    public static final ServerTraits ELASTIC_MQ = new ServerTraits(false, false, false);

    /**
     * Routing from DESIGN.md §5; the other two assume LocalStack matches AWS. Not observed where these were
     * written (no Docker): the first run with Docker confirms or corrects them.
     */
    public static final ServerTraits LOCALSTACK = new ServerTraits(true, true, true);
}
