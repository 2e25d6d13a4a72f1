package dev.sqsredrive.aws;

import java.util.Map;

/**
 * A queue SQS confirmed exists, with the attributes the tool decides on.
 *
 * @param url        the queue URL, for data calls
 * @param arn        the queue ARN, for move-task calls
 * @param attributes every attribute GetQueueAttributes returned
 */
public record ResolvedQueue(String url, String arn, Map<String, String> attributes) {

    public String name() {
        return QueueArns.name(arn);
    }

    public String region() {
        return QueueArns.region(arn);
    }

    public String accountId() {
        return QueueArns.accountId(arn);
    }

    public boolean fifo() {
        return Boolean.parseBoolean(attributes.getOrDefault("FifoQueue", "false"));
    }

    /** Messages visible now; approximate, as SQS itself says. */
    public long approximateDepth() {
        return Long.parseLong(attributes.getOrDefault("ApproximateNumberOfMessages", "0"));
    }

    /** The largest message the queue accepts, in bytes (1 MiB unless the queue was set smaller). */
    public int maximumMessageSize() {
        return Integer.parseInt(attributes.getOrDefault("MaximumMessageSize", "1048576"));
    }
}
