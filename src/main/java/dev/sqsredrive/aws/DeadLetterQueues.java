package dev.sqsredrive.aws;

import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Finds the DLQs of a region: every queue some other queue's RedrivePolicy points at. */
public final class DeadLetterQueues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterQueues() {
    }

    /** ARNs of the DLQs that queues in this region dead-letter into, sorted. */
    public static List<String> discover(SqsClient sqs) {
        TreeSet<String> dlqs = new TreeSet<>();
        try {
            for (String url : sqs.listQueuesPaginator(r -> r.maxResults(1000)).queueUrls()) {
                String policy;
                try {
                    policy = sqs.getQueueAttributes(r -> r.queueUrl(url)
                            .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributesAsStrings()
                            .get("RedrivePolicy");
                } catch (SdkException e) {
                    if (AwsErrors.isNotFound(e)) {
                        continue; // deleted between the listing and this call
                    }
                    throw e;
                }
                targetOf(policy).ifPresent(dlqs::add);
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "the queues of this region");
        }
        return List.copyOf(dlqs);
    }

    static java.util.Optional<String> targetOf(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode target = JSON.readTree(redrivePolicy).get("deadLetterTargetArn");
            return target == null || !target.isTextual() ? java.util.Optional.empty()
                    : java.util.Optional.of(target.asText());
        } catch (java.io.IOException malformed) {
            return java.util.Optional.empty();
        }
    }
}
