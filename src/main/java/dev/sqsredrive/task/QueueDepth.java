package dev.sqsredrive.task;

import java.util.function.LongSupplier;

import dev.sqsredrive.aws.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A queue's visible messages (ApproximateNumberOfMessages), read afresh at each call. */
public final class QueueDepth {

    private QueueDepth() {
    }

    /** @param name what an error calls the queue */
    public static LongSupplier visible(SqsClient sqs, String queueUrl, String name) {
        return () -> {
            try {
                String n = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
                return n == null ? 0 : Long.parseLong(n);
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "queue '" + name + "'");
            }
        };
    }
}
