package dev.sqsredrive.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final SqsClient sqs;
    private final URI endpoint;
    private final String region;
    private final String prefix;

    public TestQueues(URI endpoint, String region) {
        this(endpoint, region, "t" + UUID.randomUUID().toString().substring(0, 8) + "-" + COUNTER.incrementAndGet());
    }

    /** Queues named exactly as given, without a unique prefix: for the demo, where a person reads the names. */
    public static TestQueues unprefixed(URI endpoint, String region) {
        return new TestQueues(endpoint, region, "");
    }

    private TestQueues(URI endpoint, String region, String prefix) {
        this.endpoint = endpoint;
        this.region = region;
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.prefix = prefix;
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
        String url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(name, url, arn);
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
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        while (depth(dlq) < before + count) {
            sqs.receiveMessage(r -> r.queueUrl(source.url()).maxNumberOfMessages(10).visibilityTimeout(0)
                    .waitTimeSeconds(0));
            deadline.check(() -> "dead-lettering " + count + " messages; DLQ has " + depth(dlq) + ", had " + before);
        }
        return bodies;
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
            var msgs = sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(0)
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
        Map<String, String> env = Redrive.baseEnv(stateDir);
        env.put("AWS_REGION", region);
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        return env;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
