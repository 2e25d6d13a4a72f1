package dev.sqsredrive.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Asks SQS for the queue behind a {@link QueueRef}: its URL, ARN and attributes. */
public final class QueueResolver {

    /** Told of each queue as it is resolved (for -v, and the account check). */
    @FunctionalInterface
    public interface Listener {
        void resolved(QueueRef typed, ResolvedQueue queue);

        /** A line worth telling before the first call: which host a typed queue URL really goes to. */
        default void note(String line) {
        }
    }

    private final SqsClients clients;
    private final Listener listener;

    public QueueResolver(SqsClients clients) {
        this(clients, (typed, queue) -> { });
    }

    public QueueResolver(SqsClients clients, Listener listener) {
        this.clients = clients;
        this.listener = listener;
    }

    public ResolvedQueue resolve(QueueRef ref) {
        SqsClient sqs = clients.forQueue(ref);
        Optional<URI> endpoint = clients.settings().endpoint();
        ref.url().flatMap(u -> Endpoints.hostNotCalled(URI.create(u), endpoint)).ifPresent(host -> listener.note(
                "queue URL " + ref.url().get() + " names host " + host + ", which is not called: requests go to the"
                        + " endpoint in use, " + endpoint.get() + " (" + clients.settings().endpointSource() + ")"));
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
            ResolvedQueue queue = new ResolvedQueue(url, arn, attributes);
            listener.resolved(ref, queue);
            return queue;
        } catch (SdkException e) {
            if (AwsErrors.isNotFound(e)) {
                throw notFound(ref, sqs, e);
            }
            throw AwsErrors.translate(e, subject);
        }
    }

    /**
     * Which region was looked in, and close names when the queue was given by name (a URL or ARN was
     * pasted, not typed, and may name another account, whose queues we cannot list).
     */
    private RedriveException notFound(QueueRef ref, SqsClient sqs, SdkException e) {
        String region = clients.settings().regionFor(ref);
        boolean typed = ref.url().isEmpty() && ref.accountId().isEmpty();
        String suggestions = typed ? QueueSuggestions.phrase(QueueSuggestions.near(sqs, ref.name())) : "";
        return RedriveException.aws("queue '" + ref.input() + "' does not exist in " + region + " ("
                + AwsErrors.errorCode(e) + ")" + suggestions + " ('redrive list' shows the DLQs of this region"
                + (ref.region().isPresent() ? "" : "; --region picks another") + ")", e);
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
