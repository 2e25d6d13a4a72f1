package dev.sqsredrive.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Test fixtures made with plain SDK calls against a real SQS-compatible server: queues wired with a
 * RedrivePolicy, and messages really dead-lettered by receiving them past maxReceiveCount.
 */
public final class TestQueues implements AutoCloseable {

    private final SqsClient sqs;
    private final URI endpoint;
    private final String region;
    private final String prefix;
    private final QueueScope scope;
    /** See {@link ServerTraits#emptyPollWaitSeconds()} and {@link ServerTraits#patience()}. */
    private final int emptyPollWaitSeconds;
    private final Duration patience;

    public TestQueues(URI endpoint, String region) {
        this(endpoint, region, QueueScope.UNIQUE.nextPrefix());
    }

    /** Queues named exactly as given, without a unique prefix: for the demo, where a person reads the names. */
    public static TestQueues unprefixed(URI endpoint, String region) {
        return new TestQueues(endpoint, region, "");
    }

    private TestQueues(URI endpoint, String region, String prefix) {
        this(endpoint, region, prefix, QueueScope.UNIQUE, ServerTraits.ELASTIC_MQ);
    }

    /** The queues of one test on a scenario suite's server: named, tagged and remembered as its scope says. */
    public TestQueues(TestServer server) {
        this(server.endpoint(), server.region(), server.scope().nextPrefix(), server.scope(), server.traits());
    }

    private TestQueues(URI endpoint, String region, String prefix, QueueScope scope, ServerTraits traits) {
        this.endpoint = endpoint;
        this.region = region;
        var builder = SqsClient.builder().region(Region.of(region)).httpClient(ApacheHttpClient.create());
        if (endpoint != null) { // an emulator: any credentials do; AWS itself: the caller's own (default chain)
            builder.endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        this.sqs = builder.build();
        this.prefix = prefix;
        this.scope = scope;
        this.emptyPollWaitSeconds = traits.emptyPollWaitSeconds();
        this.patience = traits.patience();
    }

    public static TestQueues elasticMq() {
        return new TestQueues(ElasticMq.endpoint(), ElasticMq.REGION);
    }

    public SqsClient sqs() {
        return sqs;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A unique queue name for this test; FIFO names get the .fifo suffix. */
    public String name(String base, boolean fifo) {
        return (prefix.isEmpty() ? "" : prefix + "-") + base + (fifo ? ".fifo" : "");
    }

    /** A queue as created, with its URL, ARN and name. */
    public record Queue(String name, String url, String arn) {
    }

    public Queue create(String base, boolean fifo, Map<QueueAttributeName, String> extra) {
        String name = name(base, fifo);
        Map<QueueAttributeName, String> attributes = new HashMap<>(extra);
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.putIfAbsent(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
        }
        Map<String, String> tags = scope.tags();
        String url = sqs.createQueue(r -> {
            r.queueName(name).attributes(attributes);
            if (!tags.isEmpty()) {
                r.tags(tags);
            }
        }).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Queue queue = new Queue(name, url, arn);
        scope.created(queue);
        return queue;
    }

    public Queue create(String base) {
        return create(base, false, Map.of());
    }

    /** A source queue that dead-letters into dlq after one receive. */
    public Queue createSourceOf(String base, Queue dlq, boolean fifo) {
        return create(base, fifo, Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\",\"maxReceiveCount\":\"1\"}"));
    }

    public List<String> send(Queue queue, int count, String bodyPrefix) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i += 10) {
            int batch = Math.min(10, count - i);
            List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < batch; j++) {
                String body = bodyPrefix + "-" + (i + j);
                bodies.add(body);
                var entry = software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                        .id("m" + j).messageBody(body);
                if (queue.name().endsWith(".fifo")) {
                    entry.messageGroupId("g" + ((i + j) % 3)).messageDeduplicationId(body);
                }
                entries.add(entry.build());
            }
            var result = sqs.sendMessageBatch(r -> r.queueUrl(queue.url()).entries(entries));
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException("send failed: " + result.failed());
            }
        }
        return bodies;
    }

    /**
     * Sends count messages to source and receives them until SQS moves every one to dlq (maxReceiveCount 1):
     * the messages carry a real DeadLetterQueueSourceArn, as in production.
     */
    public List<String> deadLetter(Queue source, Queue dlq, int count, String bodyPrefix) {
        long before = depth(dlq);
        List<String> bodies = send(source, count, bodyPrefix);
        failEvery(source, dlq, before + count);
        return bodies;
    }

    /**
     * A consumer of source that fails every message (receives with visibility 0, never deletes) until SQS has
     * dead-lettered them (maxReceiveCount 1) and dlq holds {@code dlqDepth}: each keeps its MessageId. It gives
     * up when the DLQ stops growing for its patience: thousands of messages on a loaded machine take longer
     * than that, and only a stall says something is wrong.
     */
    public void failEvery(Queue source, Queue dlq, long dlqDepth) {
        Deadline deadline = Deadline.in(patience);
        long depth = depth(dlq);
        while (depth < dlqDepth) {
            sqs.receiveMessage(r -> r.queueUrl(source.url()).maxNumberOfMessages(10).visibilityTimeout(0)
                    .waitTimeSeconds(0));
            long now = depth(dlq);
            if (now > depth) {
                deadline = Deadline.in(patience);
            }
            depth = now;
            long seen = depth;
            deadline.check(() -> "dead-lettering until the DLQ holds " + dlqDepth + "; it has " + seen
                    + " and grew by none for " + patience);
        }
    }

    /** Visible plus in-flight messages: what a queue holds. */
    public long depth(Queue queue) {
        var a = sqs.getQueueAttributes(r -> r.queueUrl(queue.url()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Receives and deletes everything in the queue; returns the messages with all their attributes. */
    public List<Message> drain(Queue queue) {
        List<Message> all = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            int wait = emptyPolls == 0 ? 0 : emptyPollWaitSeconds;
            var msgs = sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(wait)
                    .visibilityTimeout(30).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (msgs.isEmpty()) {
                emptyPolls++;
                continue;
            }
            emptyPolls = 0;
            all.addAll(msgs);
            for (Message m : msgs) {
                sqs.deleteMessage(r -> r.queueUrl(queue.url()).receiptHandle(m.receiptHandle()));
            }
        }
        return all;
    }

    public List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).sorted().toList();
    }

    /** Environment for a `redrive` run against this server, with its own state directory. */
    public Map<String, String> env(java.nio.file.Path stateDir) {
        Map<String, String> env = endpoint == null ? dev.sqsredrive.testing.aws.AwsEnv.forCli(stateDir, System.getenv())
                : Redrive.baseEnv(stateDir);
        env.put("AWS_REGION", region);
        if (endpoint != null) {
            env.put("AWS_ENDPOINT_URL", endpoint.toString());
        }
        return env;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
