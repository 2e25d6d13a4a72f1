package dev.sqsredrive.aws;

import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Asks SQS for the queue behind a {@link QueueRef}: its URL, ARN and attributes. */
public final class QueueResolver {

    private final SqsClients clients;

    public QueueResolver(SqsClients clients) {
        this.clients = clients;
    }

    public ResolvedQueue resolve(QueueRef ref) {
        SqsClient sqs = clients.forQueue(ref);
        String subject = "queue '" + ref.input() + "'";
        try {
            String url = ref.url().orElseGet(() -> sqs.getQueueUrl(r -> {
                r.queueName(ref.name());
                ref.accountId().ifPresent(r::queueOwnerAWSAccountId);
            }).queueUrl());
            var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            String arn = attributes.get("QueueArn");
            if (arn == null) {
                throw RedriveException.aws("SQS returned no QueueArn for " + subject, null);
            }
            return new ResolvedQueue(url, arn, attributes);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, subject);
        }
    }

    /** URLs of the queues whose RedrivePolicy names this queue as their DLQ. */
    public List<String> sourcesOf(ResolvedQueue dlq) {
        SqsClient sqs = clients.forRegion(dlq.region());
        try {
            return sqs.listDeadLetterSourceQueuesPaginator(r -> r.queueUrl(dlq.url()))
                    .queueUrls().stream().toList();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "queue '" + dlq.name() + "'");
        }
    }
}
