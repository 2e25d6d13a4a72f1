package dev.sqsredrive.task;

import java.util.List;

import dev.sqsredrive.aws.ResolvedQueue;

/**
 * A move that has passed every check that can be made before starting it.
 *
 * @param source      the DLQ to move out of
 * @param destination where to move to; null sends each message back to its own origin
 * @param rate        messages per second; null lets SQS choose (system-optimised)
 * @param sourceUrls  URLs of the queues that dead-letter into the source
 */
public record MovePlan(ResolvedQueue source, ResolvedQueue destination, Integer rate, List<String> sourceUrls) {

    public String destinationArn() {
        return destination == null ? null : destination.arn();
    }
}
