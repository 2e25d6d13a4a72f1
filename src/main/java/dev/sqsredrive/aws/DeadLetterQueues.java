package dev.sqsredrive.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Finds the DLQs of a region: every queue some other queue's RedrivePolicy points at. */
public final class DeadLetterQueues {

    /** GetQueueAttributes calls in flight at once: hides the round trips, far below SQS's throttling. */
    static final int PARALLEL_CALLS = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One DLQ as the region shows it.
     *
     * @param url        null when no listed queue has this ARN (a RedrivePolicy naming a deleted queue)
     * @param visible    ApproximateNumberOfMessages; null when the queue was not found
     * @param inFlight   ApproximateNumberOfMessagesNotVisible (received, not yet deleted); null likewise
     * @param sourceArns the queues whose RedrivePolicy names it, sorted
     */
    public record Dlq(String arn, String url, Long visible, Long inFlight, List<String> sourceArns) {
    }

    private DeadLetterQueues() {
    }

    /** ARNs of the DLQs that queues in this region dead-letter into, sorted. */
    public static List<String> discover(SqsClient sqs) {
        return survey(sqs).stream().map(Dlq::arn).toList();
    }

    /** Every DLQ of the region with its depth and sources, sorted by ARN: ListQueues and one call per queue. */
    public static List<Dlq> survey(SqsClient sqs) {
        List<Optional<Map<String, String>>> queues;
        try {
            List<String> urls = sqs.listQueuesPaginator(r -> r.maxResults(1000)).queueUrls().stream().toList();
            queues = Parallel.map(urls, PARALLEL_CALLS, url -> attributesOf(sqs, url));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "the queues of this region");
        }
        Map<String, Map<String, String>> byArn = new TreeMap<>();
        Map<String, TreeSet<String>> sourcesByDlq = new TreeMap<>();
        for (Optional<Map<String, String>> found : queues) {
            found.filter(a -> a.get("QueueArn") != null).ifPresent(a -> {
                byArn.put(a.get("QueueArn"), a);
                targetOf(a.get("RedrivePolicy")).ifPresent(dlq ->
                        sourcesByDlq.computeIfAbsent(dlq, k -> new TreeSet<>()).add(a.get("QueueArn")));
            });
        }
        List<Dlq> dlqs = new ArrayList<>();
        sourcesByDlq.forEach((arn, sources) -> {
            Map<String, String> a = byArn.get(arn);
            dlqs.add(new Dlq(arn, a == null ? null : a.get("QueueUrl"), a == null ? null : count(a, "ApproximateNumberOfMessages"),
                    a == null ? null : count(a, "ApproximateNumberOfMessagesNotVisible"), List.copyOf(sources)));
        });
        return dlqs;
    }

    private static Optional<Map<String, String>> attributesOf(SqsClient sqs, String url) {
        try {
            Map<String, String> a = new java.util.HashMap<>(sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN, QueueAttributeName.REDRIVE_POLICY,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributesAsStrings());
            a.put("QueueUrl", url);
            return Optional.of(a);
        } catch (SdkException e) {
            if (AwsErrors.isNotFound(e)) {
                return Optional.empty(); // deleted between the listing and this call
            }
            throw e;
        }
    }

    private static Long count(Map<String, String> attributes, String name) {
        String v = attributes.get(name);
        return v == null ? null : Long.valueOf(v);
    }

    static Optional<String> targetOf(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode target = JSON.readTree(redrivePolicy).get("deadLetterTargetArn");
            return target == null || !target.isTextual() ? Optional.empty() : Optional.of(target.asText());
        } catch (java.io.IOException malformed) {
            return Optional.empty();
        }
    }
}
