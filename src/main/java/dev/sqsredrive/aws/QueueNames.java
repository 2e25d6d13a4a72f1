package dev.sqsredrive.aws;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Names of the queues of a region, for shell completion: one ListQueues page, filtered by SQS itself. */
public final class QueueNames {

    /** ListQueues' largest page; a shell cannot show more than this usefully anyway. */
    static final int MAX = 1000;

    private QueueNames() {
    }

    /** Queue names starting with prefix (all with an empty prefix), in the order SQS returns them. */
    public static List<String> startingWith(SqsClient sqs, String prefix) {
        List<String> names = new ArrayList<>();
        var response = sqs.listQueues(r -> {
            r.maxResults(MAX);
            if (!prefix.isEmpty()) {
                r.queueNamePrefix(prefix);
            }
        });
        for (String url : response.queueUrls()) {
            names.add(url.substring(url.lastIndexOf('/') + 1));
        }
        return names;
    }
}
