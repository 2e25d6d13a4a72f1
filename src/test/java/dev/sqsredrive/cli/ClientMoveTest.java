package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;

/** The client-side mover end to end through `redrive start --mode client`, against ElasticMQ. */
@Timeout(120)
class ClientMoveTest extends ElasticMqCliTest {

    @Test
    void movesEveryMessageBackToItsOriginAndPrintsTheHandleFirst() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Queue payments = queues.createSourceOf("payments", dlq, false);
        List<String> fromOrders = queues.deadLetter(orders, dlq, 25, "order");
        List<String> fromPayments = DeadLetters.more(queues, payments, dlq, 15, "payment");

        RunResult r = redrive("start", dlq.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).as(r.toString()).startsWith("client-");
        assertThat(lines[1]).as(r.toString()).startsWith("COMPLETED").contains("moved 40").contains("failed 0");
        assertThat(queues.bodies(queues.drain(orders))).containsExactlyInAnyOrderElementsOf(fromOrders);
        assertThat(queues.bodies(queues.drain(payments))).containsExactlyInAnyOrderElementsOf(fromPayments);
        assertThat(queues.depth(dlq)).isZero();
    }

    @Test
    void jsonModePrintsOneObjectAtTheEnd() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 12, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode n = TaskCodec.JSON.readTree(r.out());
        assertThat(n.get("taskHandle").asText()).startsWith("client-");
        assertThat(n.get("mode").asText()).isEqualTo("client");
        assertThat(n.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(n.get("moved").asLong()).isEqualTo(12);
        assertThat(n.get("failed").asLong()).isZero();
        assertThat(n.get("skipped").asLong()).isZero();
        assertThat(n.get("duplicatesPossible").asLong()).isZero();
        assertThat(n.has("elapsedSeconds")).isTrue();
        assertThat(n.has("achievedRate")).isTrue();
        List<Message> moved = queues.drain(target);
        assertThat(moved).hasSize(12);
    }
}
