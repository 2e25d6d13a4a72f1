package dev.sqsredrive.testing.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Deletes what earlier runs left behind (a JVM killed before its cleanup ran): queues named
 * {@code redrive-e2e-...} that carry the {@code redrive-e2e} tag and were created more than an hour ago.
 * Younger ones may belong to a run still going (another developer, a parallel CI job), so they stay.
 */
public final class Sweeper {

    public static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private Sweeper() {
    }

    /** @return the URLs it deleted */
    public static List<String> sweep(SqsClient sqs, Instant now) {
        List<String> deleted = new ArrayList<>();
        for (String url : sqs.listQueuesPaginator(r -> r.queueNamePrefix(RunId.PREFIX).maxResults(1000)).queueUrls()) {
            if (RunQueues.tagOf(sqs, url) == null || !createdBefore(sqs, url, now.minus(LEFTOVER_AGE))) {
                continue;
            }
            try {
                sqs.deleteQueue(r -> r.queueUrl(url));
                deleted.add(url);
            } catch (QueueDoesNotExistException gone) {
                // another sweeper was quicker
            }
        }
        return deleted;
    }

    private static boolean createdBefore(SqsClient sqs, String url, Instant cutoff) {
        try {
            String seconds = sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.CREATED_TIMESTAMP)).attributes()
                    .get(QueueAttributeName.CREATED_TIMESTAMP);
            return seconds != null && Instant.ofEpochSecond(Long.parseLong(seconds)).isBefore(cutoff);
        } catch (QueueDoesNotExistException gone) {
            return false;
        }
    }
}
