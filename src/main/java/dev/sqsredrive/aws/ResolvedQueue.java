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
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    public String region() {
        return arn.split(":", -1)[3];
    }

    public String accountId() {
        return arn.split(":", -1)[4];
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
