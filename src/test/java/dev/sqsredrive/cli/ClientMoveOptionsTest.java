package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** --filter, --limit, --copy and --dry-run end to end: what moves, and what stays in the DLQ. */
@Timeout(120)
class ClientMoveOptionsTest extends ElasticMqCliTest {

    /** 20 messages, every third of tenant acme (7 of them), the rest of tenant other. */
    private List<String> sendTenants(Queue dlq) {
        List<String> acme = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String tenant = i % 3 == 0 ? "acme" : "other";
            String body = tenant + "-order-" + i;
            if (tenant.equals("acme")) {
                acme.add(body);
            }
            queues.sqs().sendMessage(r -> r.queueUrl(dlq.url()).messageBody(body).messageAttributes(Map.of("tenant",
                    MessageAttributeValue.builder().dataType("String").stringValue(tenant).build())));
        }
        return acme;
    }

    @Test
    void aFilterMovesWhatMatchesAndLeavesTheRestVisibleInTheDlq() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> acme = sendTenants(dlq);

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--filter", "attr:tenant=acme",
                "--filter", "body~order-\\d+$");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("moving client-side: --filter was given");
        assertThat(r.out()).contains("moved 7").contains("skipped 13");
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(acme);
        assertThat(queues.drain(dlq)).hasSize(13); // released at the end: visible at once, none lost
    }

    @Test
    void ageFiltersSelectByFirstSentTime() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 5, "m");

        RunResult none = redrive("start", dlq.name(), "--to", target.name(), "--filter", "age>1h");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.out()).contains("moved 0").contains("skipped 5");

        RunResult all = redrive("start", dlq.name(), "--to", target.name(), "--filter", "age<1h");
        assertThat(all.out()).as(all.toString()).contains("moved 5");
        assertThat(queues.drain(target)).hasSize(5);
    }

    @Test
    void aBadFilterIsAUsageError() {
        RunResult r = redrive("start", "some-dlq", "--filter", "colour=blue");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("bad --filter 'colour=blue'");
    }

    @Test
    void limitStopsAfterExactlyThatManyMessages() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 35, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--limit", "12", "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("--limit was given");
        assertThat(r.out().strip()).startsWith("{"); // json mode: no handle line before the object
        assertThat(queues.drain(target)).hasSize(12);
        assertThat(queues.drain(dlq)).hasSize(23);
    }

    @Test
    void copySendsAndLeavesEveryMessageInTheDlq() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = queues.send(dlq, 15, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--copy");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("copied 15");
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(queues.bodies(queues.drain(dlq))).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void dryRunCountsPerDestinationShowsSamplesWithoutBodiesAndMovesNothing() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Queue payments = queues.createSourceOf("payments", dlq, false);
        queues.deadLetter(orders, dlq, 6, "secret-order");
        DeadLetters.more(queues, payments, dlq, 4, "secret-payment");

        RunResult r = redrive("start", dlq.name(), "--dry-run");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("--dry-run was given");
        assertThat(r.out()).contains("10 message(s) would move").contains(orders.name()).contains(payments.name())
                .contains("sample ").doesNotContain("secret");
        assertThat(r.out().lines().filter(l -> l.startsWith("client-"))).isEmpty(); // a dry run is no task
        assertThat(queues.depth(orders) + queues.depth(payments)).isZero();
        assertThat(queues.drain(dlq)).hasSize(10);

        queues.deadLetter(orders, dlq, 1, "secret-order");
        RunResult json = redrive("start", dlq.name(), "--dry-run", "--show-bodies", "-o", "json");
        JsonNode n = TaskCodec.JSON.readTree(json.out());
        assertThat(n.get("perDestination").get(orders.name()).asLong()).isEqualTo(1);
        assertThat(n.get("samples").get(0).get("body").asText()).startsWith("secret-order");
    }

    @Test
    void aDryRunSaysWouldMoveNeverMovedAndNamesItselfFirstAmongTheReasons() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 6, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--filter", "body:m", "--limit", "4",
                "--dry-run");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).anySatisfy(l -> assertThat(l)
                .startsWith("redrive: moving client-side: --dry-run was given"));
        assertThat(r.outLines()).as(r.toString()).last().asString().contains("would move 4");
        assertThat(r.out()).as("nothing moved in a dry run: " + r).doesNotContain("moved");

        JsonNode n = TaskCodec.JSON.readTree(redrive("start", dlq.name(), "--to", target.name(), "--dry-run",
                "-o", "json").out());
        assertThat(n.get("dryRun").asBoolean()).as(n.toString()).isTrue();
        assertThat(n.get("wouldMove").asLong()).isEqualTo(6);
        assertThat(n.has("moved")).as(n.toString()).isFalse();
        assertThat(queues.drain(dlq)).hasSize(6);
        assertThat(queues.depth(target)).isZero();
    }
}
