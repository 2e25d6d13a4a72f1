package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** FIFO DLQ to FIFO destination, client-side, against ElasticMQ: deduplication and per-group order. */
@Timeout(90)
class ClientMoverFifoTest {

    @TempDir
    Path stateDir;

    private TestQueues queues;
    private FaultProxy proxy;
    private TestQueues.Queue dlq;

    @BeforeEach
    void start() {
        queues = TestQueues.elasticMq();
        proxy = FaultProxy.start(ElasticMq.endpoint());
        dlq = queues.create("dlq", true, Map.of());
    }

    @AfterEach
    void close() {
        proxy.close();
        queues.close();
    }

    /**
     * 20 messages in the DLQ, in pairs that share a MessageDeduplicationId, as AWS keeps them when two messages
     * were sent to the source more than 5 minutes apart with the same id. ElasticMQ cannot hold that state: it
     * gives a dead-lettered message a deduplication id equal to its MessageId, and drops a direct send whose id
     * it saw in the last 5 minutes. So the proxy shows the mover the DLQ's messages as AWS would, with the
     * shared ids; the destination is a real ElasticMQ FIFO queue, which drops a send whose id it has seen.
     */
    @Test
    void messagesSharingADeduplicationIdAllArrive() {
        TestQueues.Queue dest = queues.create("dest", true, Map.of());
        List<String> bodies = queues.send(dlq, 20, "pair");
        proxy.add(FaultRule.on("ReceiveMessage", Fault.editAnswer(ClientMoverFifoTest::pairDeduplicationIds),
                1, 1, 10_000));

        RunResult run = move(dest);
        MoverSummary summary = MoverSummary.of(run);
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(5));

        assertThat(proxy.rules().get(0).injected()).as("the DLQ was read through the proxy").isPositive();
        assertThat(census.lost(bodies)).as(census + "\n" + run).isEmpty();
        assertThat(census.delivered()).as(census + "\n" + run).isEqualTo(20);
        assertThat(census.remaining()).as(census.toString()).isZero();
        assertThat(census.duplicates()).as(census.toString()).isZero();
        assertThat(summary.moved()).isEqualTo(20);
        assertThat(summary.duplicatesPossible()).isZero();
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** pair-N and pair-(N+10) get the same MessageDeduplicationId. */
    private static void pairDeduplicationIds(ObjectNode answer) {
        for (JsonNode m : answer.path("Messages")) {
            String body = m.path("Body").asText();
            int n = Integer.parseInt(body.substring(body.lastIndexOf('-') + 1));
            ((ObjectNode) m.path("Attributes")).put("MessageDeduplicationId", "shared-" + (n % 10));
        }
    }

    /**
     * A group's second message has no route (the queue it came from is gone): it stays, and so does every later
     * message of its group (README promise 3), while other groups move whole. Not "too large for the destination":
     * ElasticMQ neither reports nor enforces MaximumMessageSize.
     */
    @Test
    void aMessageFailingBeforeItsSendKeepsTheRestOfItsGroupInTheDlq() {
        TestQueues.Queue orders = queues.createSourceOf("orders", dlq, true);
        TestQueues.Queue gone = queues.createSourceOf("gone", dlq, true);
        // group g0, in DLQ order: a-0, b-0, c-0, c-3; c-1 is in g1 and c-2 in g2 (TestQueues' groups: index % 3)
        queues.deadLetter(orders, dlq, 1, "a");
        queues.deadLetter(gone, dlq, 1, "b");
        queues.deadLetter(orders, dlq, 4, "c");
        queues.sqs().deleteQueue(r -> r.queueUrl(gone.url()));

        RunResult run = move(null);
        MoverSummary summary = MoverSummary.of(run);
        Census census = Census.take(queues, dlq, orders, Duration.ofSeconds(60));

        assertThat(census.inDestination().keySet()).as(census + "\n" + run)
                .containsExactlyInAnyOrder("a-0", "c-1", "c-2");
        assertThat(census.inSource().keySet()).as(census.toString()).containsExactlyInAnyOrder("b-0", "c-0", "c-3");
        assertThat(summary.moved()).as(run.toString()).isEqualTo(3);
        assertThat(summary.failed()).as(run.toString()).isEqualTo(3);
        assertThat(summary.raw().path("failures").path(
                "not sent: an earlier message of its FIFO group could not be moved").asLong()).as(run.toString())
                .isEqualTo(2);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    }

    /** `redrive start DLQ --mode client [--to DEST] -o json`, in this JVM, through the proxy. */
    private RunResult move(TestQueues.Queue dest) {
        Map<String, String> env = new java.util.HashMap<>(queues.env(stateDir));
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        List<String> args = new ArrayList<>(List.of("start", dlq.name(), "--mode", "client", "-o", "json"));
        if (dest != null) {
            args.addAll(List.of("--to", dest.name()));
        }
        return Redrive.run(env, args.toArray(String[]::new));
    }
}
