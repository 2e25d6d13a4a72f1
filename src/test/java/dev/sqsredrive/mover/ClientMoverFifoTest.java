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

    /**
     * A batch whose first entries fail while the rest arrive (receiver faults, retried): with two messages of one
     * group in a batch, the retried first one would land after its group's later ones, and no resend can put it
     * back in front. The fault matrix found it (cases 88 and 90 of seed 1); a FIFO batch now holds one message
     * of each group, so every group arrives in order.
     */
    @Test
    void aPartialBatchFailureDoesNotReorderAGroup() {
        TestQueues.Queue dest = queues.create("dest", true, Map.of());
        List<String> bodies = queues.send(dlq, 45, "o"); // groups g0, g1, g2 (index % 3), 15 each
        proxy.add(FaultRule.on("SendMessageBatch", Fault.failEntries(2, false), 1, 1, 6));

        RunResult run = move(dest);
        List<String> arrived = inArrivalOrder(dest);

        assertThat(proxy.rules().get(0).injected()).as("entries were failed").isPositive();
        assertThat(arrived).as(run.toString()).containsExactlyInAnyOrderElementsOf(bodies);
        assertGroupsInOrder(arrived);
        assertThat(queues.depth(dlq)).isZero();
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** The destination's bodies as a FIFO queue hands them out: each group in the order it arrived. */
    private List<String> inArrivalOrder(TestQueues.Queue dest) {
        List<String> bodies = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            var got = queues.sqs().receiveMessage(r -> r.queueUrl(dest.url()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            empty = got.isEmpty() ? empty + 1 : 0;
            for (var m : got) {
                bodies.add(m.body());
                queues.sqs().deleteMessage(r -> r.queueUrl(dest.url()).receiptHandle(m.receiptHandle()));
            }
        }
        return bodies;
    }

    private static void assertGroupsInOrder(List<String> order) {
        Map<Integer, List<Integer>> byGroup = new java.util.HashMap<>();
        for (String body : order) {
            int n = Integer.parseInt(body.substring(body.lastIndexOf('-') + 1));
            byGroup.computeIfAbsent(n % 3, g -> new ArrayList<>()).add(n);
        }
        byGroup.forEach((g, ns) -> assertThat(ns).as("group g" + g + " in arrival order").isSorted());
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
