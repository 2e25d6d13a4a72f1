package dev.sqsredrive.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.QueueScope;
import dev.sqsredrive.testing.ServerTraits;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A run's queues on a real server (ElasticMQ): named and tagged with the run id, and all of them deleted. */
class RunQueuesTest {

    private final SqsClient sqs = ElasticMqBackend.client();
    private final RunQueues run = new RunQueues(RunId.next(Map.of(), Instant.now()));

    @AfterEach
    void close() {
        run.deleteAll(sqs);
        sqs.close();
    }

    private TestQueues queuesOf(QueueScope scope) {
        return new TestServer("ElasticMQ", ElasticMq.endpoint(), ElasticMq.REGION, ElasticMq.ACCOUNT,
                ServerTraits.ELASTIC_MQ, scope).queues();
    }

    private List<String> listed(String prefix) {
        return sqs.listQueues(r -> r.queueNamePrefix(prefix)).queueUrls();
    }

    private String tagOf(Queue q) {
        return sqs.listQueueTags(r -> r.queueUrl(q.url())).tags().get("redrive-e2e");
    }

    @Test
    void everyQueueIsNamedAndTaggedWithTheRunIdAndDeleteAllDeletesThemAll() {
        Queue standard;
        Queue fifo;
        try (TestQueues queues = queuesOf(run)) {
            standard = queues.create("dlq");
            fifo = queues.create("target", true, Map.of());
        }
        assertThat(standard.name()).matches("redrive-e2e-" + run.run().value() + "-\\d+-dlq");
        assertThat(fifo.name()).startsWith(run.run().queuePrefix()).endsWith("-target.fifo");
        assertThat(tagOf(standard)).isEqualTo(run.run().value());
        assertThat(tagOf(fifo)).isEqualTo(run.run().value());

        assertThat(run.deleteAll(sqs)).isEqualTo(2);

        assertThat(listed(run.run().queuePrefix())).isEmpty();
        assertThat(run.deleteAll(sqs)).as("nothing left the second time").isZero();
    }

    @Test
    void aTaggedQueueOfTheRunItDidNotRememberIsDeletedTooButAnUntaggedOneIsNot() {
        String prefix = run.run().queuePrefix();
        String lost = sqs.createQueue(r -> r.queueName(prefix + "lost").tags(run.tags())).queueUrl();
        String foreign = sqs.createQueue(r -> r.queueName(prefix + "not-ours")).queueUrl();
        try {
            assertThat(run.find(sqs)).containsExactly(lost);
            assertThat(run.deleteAll(sqs)).isEqualTo(1);
            assertThat(listed(prefix)).containsExactly(foreign);
        } finally {
            sqs.deleteQueue(r -> r.queueUrl(foreign));
        }
    }

    @Test
    void theSweeperDeletesOnlyTaggedE2eQueuesOlderThanAnHour() {
        String prefix = run.run().queuePrefix();
        String tagged = sqs.createQueue(r -> r.queueName(prefix + "old").tags(Map.of("redrive-e2e", "earlier")))
                .queueUrl();
        String untagged = sqs.createQueue(r -> r.queueName(prefix + "someone-elses")).queueUrl();
        try {
            assertThat(Sweeper.sweep(sqs, Instant.now())).as("created just now: maybe a run still going")
                    .doesNotContain(tagged, untagged);

            List<String> swept = Sweeper.sweep(sqs, Instant.now().plus(Sweeper.LEFTOVER_AGE).plusSeconds(60));

            assertThat(swept).contains(tagged).doesNotContain(untagged);
            assertThat(listed(prefix)).containsExactly(untagged);
        } finally {
            sqs.deleteQueue(r -> r.queueUrl(untagged));
        }
    }
}
