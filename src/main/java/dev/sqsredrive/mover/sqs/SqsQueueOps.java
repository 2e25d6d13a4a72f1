package dev.sqsredrive.mover.sqs;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.sqsredrive.aws.Md5Checks;
import dev.sqsredrive.mover.BatchResult;
import dev.sqsredrive.mover.EntryError;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** {@link QueueOps} through the SDK; the client of each queue's region is looked up by queue URL. */
public final class SqsQueueOps implements QueueOps {

    private final Function<String, SqsClient> clientForUrl;
    private final Function<Duration, AwsRequestOverrideConfiguration> longPoll;
    private final Duration attemptTimeout;

    /**
     * @param longPoll       timeouts for a receive that waits this long: the client's own attempt timeout
     *                       (--cli-read-timeout) may be shorter than a long poll and would cut it off
     * @param attemptTimeout the clients' attempt timeout (--cli-read-timeout)
     */
    public SqsQueueOps(Function<String, SqsClient> clientForUrl,
                       Function<Duration, AwsRequestOverrideConfiguration> longPoll, Duration attemptTimeout) {
        this.clientForUrl = clientForUrl;
        this.longPoll = longPoll;
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    @Override
    public String endpoint(String queueUrl) {
        var config = clientForUrl.apply(queueUrl).serviceClientConfiguration();
        return config.endpointOverride().map(Object::toString)
                .orElse("https://sqs." + config.region().id() + ".amazonaws.com");
    }

    @Override
    public List<Message> receive(String queueUrl, int max, int waitSeconds, int visibilityTimeoutSeconds) {
        return clientForUrl.apply(queueUrl).receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds).visibilityTimeout(visibilityTimeoutSeconds)
                .overrideConfiguration(longPoll.apply(Duration.ofSeconds(waitSeconds)))
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    @Override
    public BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries) {
        return send(queueUrl, entries, Map.of());
    }

    @Override
    public BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries,
                            Map<String, String> received) {
        // The MessageId each entry was given, its answer matching or not: SQS keeps it when the message
        // dead-letters again (one pass).
        Map<String, String> given = new HashMap<>();
        var response = clientForUrl.apply(queueUrl).sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)
                .overrideConfiguration(o -> o.putExecutionAttribute(Md5Checks.RECEIVED, received)
                        .putExecutionAttribute(Md5Checks.MISMATCHED_GIVEN, given)));
        BatchResult r = result(response.successful().stream().map(e -> e.id()).toList(), response.failed());
        response.successful().forEach(e -> given.put(e.id(), e.messageId()));
        return new BatchResult(r.succeeded(), r.failed(), given);
    }

    @Override
    public BatchResult delete(String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
        var response = clientForUrl.apply(queueUrl).deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        return result(response.successful().stream().map(e -> e.id()).toList(), response.failed());
    }

    @Override
    public BatchResult changeVisibility(String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries) {
        var response = clientForUrl.apply(queueUrl)
                .changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
        return result(response.successful().stream().map(e -> e.id()).toList(), response.failed());
    }

    @Override
    public long approximateMessages(String queueUrl) {
        Map<QueueAttributeName, String> a = clientForUrl.apply(queueUrl).getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    @Override
    public long visibleMessages(String queueUrl) {
        return Long.parseLong(clientForUrl.apply(queueUrl).getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
    }

    private static BatchResult result(List<String> succeeded, List<BatchResultErrorEntry> failed) {
        Map<String, EntryError> map = new HashMap<>();
        for (BatchResultErrorEntry f : failed) {
            map.put(f.id(), new EntryError(f.code(), f.message(), Boolean.TRUE.equals(f.senderFault())));
        }
        return new BatchResult(new HashSet<>(succeeded), map);
    }
}
