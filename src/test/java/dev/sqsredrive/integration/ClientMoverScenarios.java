package dev.sqsredrive.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.cli.BackgroundRedrive;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The client-side mover end to end on every backend: `redrive start --mode client` and its options through
 * the real CommandLine, every message counted where it lands. A representative set of the ElasticMQ-only
 * tests in cli/ (ClientMove*Test, ClientTaskControlTest), kept small because on AWS each one costs requests.
 * What lands is checked by draining (receiving), never by ApproximateNumberOfMessages alone, which lags on
 * AWS ({@link dev.sqsredrive.testing.ServerTraits.Difference#COUNTS_ARE_EXACT}).
 */
@Timeout(240)
abstract class ClientMoverScenarios extends BackendScenario {

    @Test
    void aStandardDlqMovesEveryMessageToTheDestinationAndPrintsOneJsonSummary() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = queues.send(dlq, 25, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "-o", "json")
                .assertExitCode(0);

        MoverSummary summary = MoverSummary.of(r);
        assertThat(summary.status()).as(r.toString()).isEqualTo("COMPLETED");
        assertThat(summary.moved()).isEqualTo(25);
        assertThat(summary.failed() + summary.duplicatesPossible()).isZero();
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(queues.drain(dlq)).isEmpty();
    }

    @Test
    void aFifoDlqMovesKeepingGroupOrderWithOneDeduplicationIdPerMessage() {
        Queue dlq = queues.create("dlq", true, Map.of());
        Queue target = queues.create("target", true, Map.of());
        List<String> bodies = queues.send(dlq, 30, "f"); // groups g0, g1, g2

        redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "--concurrency", "3")
                .assertExitCode(0);

        List<Message> moved = queues.drain(target);
        assertThat(queues.bodies(moved)).containsExactlyInAnyOrderElementsOf(bodies);
        Map<String, List<Integer>> perGroup = new HashMap<>();
        Set<String> dedupIds = new HashSet<>();
        for (Message m : moved) { // drained in delivery order: each group's own order
            int n = Integer.parseInt(m.body().substring(2));
            perGroup.computeIfAbsent(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                    g -> new ArrayList<>()).add(n);
            dedupIds.add(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID));
        }
        assertThat(perGroup).containsOnlyKeys("g0", "g1", "g2");
        perGroup.values().forEach(order -> assertThat(order).isSorted());
        assertThat(dedupIds).as("one deduplication id per message").hasSize(bodies.size());
        assertThat(queues.drain(dlq)).isEmpty();
    }

    @Test
    void withoutADestinationEachMessageGoesBackToTheQueueItCameFrom() {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Queue payments = queues.createSourceOf("payments", dlq, false);
        List<String> fromOrders = queues.deadLetter(orders, dlq, 6, "order");
        List<String> fromPayments = queues.deadLetter(payments, dlq, 4, "payment");

        RunResult r = redrive("start", dlq.name(), "--mode", "client").assertExitCode(0);

        assertThat(r.out()).as(r.toString()).contains("moved 10");
        assertThat(queues.bodies(queues.drain(orders))).containsExactlyInAnyOrderElementsOf(fromOrders);
        assertThat(queues.bodies(queues.drain(payments))).containsExactlyInAnyOrderElementsOf(fromPayments);
        assertThat(queues.drain(dlq)).isEmpty();
    }

    @Test
    void aFilterMovesWhatMatchesAndLeavesTheRestInTheDlq() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> acme = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String tenant = i % 3 == 0 ? "acme" : "other";
            String body = tenant + "-" + i;
            if (tenant.equals("acme")) {
                acme.add(body);
            }
            queues.sqs().sendMessage(s -> s.queueUrl(dlq.url()).messageBody(body).messageAttributes(Map.of("tenant",
                    MessageAttributeValue.builder().dataType("String").stringValue(tenant).build())));
        }

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--filter", "attr:tenant=acme")
                .assertExitCode(0);

        assertThat(r.out()).as(r.toString()).contains("moved 4").contains("skipped 8");
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(acme);
        assertThat(queues.drain(dlq)).hasSize(8);
    }

    @Test
    void aLimitMovesExactlyThatManyAndLeavesTheRest() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 25, "m");

        redrive("start", dlq.name(), "--to", target.name(), "--limit", "12").assertExitCode(0);

        assertThat(queues.drain(target)).hasSize(12);
        assertThat(queues.drain(dlq)).hasSize(13);
    }

    @Test
    void aCopySendsEveryMessageAndLeavesEachInTheDlq() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = queues.send(dlq, 12, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--copy").assertExitCode(0);

        assertThat(r.out()).as(r.toString()).contains("copied 12");
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(queues.bodies(queues.drain(dlq))).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void aDryRunCountsWhatWouldMoveAndMovesNothing() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 8, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--dry-run", "-o", "json")
                .assertExitCode(0);

        JsonNode n = MoveTaskScenarios.json(r.out().strip());
        assertThat(n.get("dryRun").asBoolean()).as(r.toString()).isTrue();
        assertThat(n.get("wouldMove").asLong()).isEqualTo(8);
        assertThat(queues.drain(dlq)).hasSize(8);
        assertThat(queues.drain(target)).isEmpty();
    }

    @Test
    void aCancelledMoveStopsWithExitFiveAndResumingItMovesTheRestWithoutDuplicates() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = queues.send(dlq, 30, "m");
        BackgroundRedrive start = new BackgroundRedrive(queues.env(stateDir), "start", dlq.name(), "--to",
                target.name(), "--mode", "client", "--rate", "5");
        String handle = start.handle();
        Deadline.await(Duration.ofSeconds(60), () -> movedSoFar(dlq, handle) > 0, () -> "list to show progress");

        redrive("cancel", handle).assertExitCode(0);
        RunResult cancelled = start.await();
        assertThat(cancelled.exitCode()).as(cancelled.toString()).isEqualTo(5);
        assertThat(cancelled.out()).contains("CANCELLED");

        RunResult resumed = redrive("start", "--resume", handle, "--rate", "5").assertExitCode(0);
        assertThat(resumed.out()).as(resumed.toString()).startsWith(handle).contains("COMPLETED");
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(queues.drain(dlq)).isEmpty();
    }

    /** What `redrive list` says the client-side task has moved so far. */
    private long movedSoFar(Queue dlq, String handle) {
        RunResult list = redrive("list", dlq.name(), "-o", "json").assertExitCode(0);
        return MoveTaskScenarios.jsonLines(list).stream().filter(t -> t.path("taskHandle").asText().equals(handle))
                .mapToLong(t -> t.path("approximateNumberOfMessagesMoved").asLong()).sum();
    }
}
