package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.RunsAlone;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `list` without a queue: every DLQ of the region, how deep it is, what feeds it, its latest task. */
@Timeout(180)
@RunsAlone // lists 200 queues within 5 s: a claim about speed, which other JVMs' load would distort
class DlqOverviewTest extends ElasticMqCliTest {

    private Map<String, JsonNode> dlqsByArn(RunResult list) throws Exception {
        Map<String, JsonNode> byArn = new HashMap<>();
        for (String line : list.out().lines().toList()) {
            JsonNode d = TaskCodec.JSON.readTree(line);
            byArn.put(d.get("queueArn").asText(), d);
        }
        return byArn;
    }

    @Test
    void everyDlqIsListedWithItsDepthAndSourcesWhetherOrNotItHasATask() throws Exception {
        Queue busy = queues.create("busy-dlq");
        Queue orders = queues.createSourceOf("orders", busy, false);
        Queue payments = queues.createSourceOf("payments", busy, false);
        Queue quiet = queues.create("quiet-dlq");
        Queue audit = queues.createSourceOf("audit", quiet, false);
        Queue empty = queues.create("empty-dlq");
        queues.createSourceOf("feeds-empty", empty, false);
        queues.send(busy, 3, "b");
        queues.send(quiet, 4, "q");
        // One message of the quiet DLQ held by a consumer: in flight, not visible.
        queues.sqs().receiveMessage(r -> r.queueUrl(quiet.url()).maxNumberOfMessages(1).visibilityTimeout(300));
        Queue dest = queues.create("dest");
        redrive("start", busy.name(), "--to", dest.name()).assertExitCode(0);

        RunResult json = redrive("list", "-o", "json").assertExitCode(0);
        Map<String, JsonNode> byArn = dlqsByArn(json);
        assertThat(byArn).as(json.toString()).containsKeys(busy.arn(), quiet.arn(), empty.arn())
                .doesNotContainKeys(orders.arn(), payments.arn(), audit.arn(), dest.arn());
        JsonNode q = byArn.get(quiet.arn());
        assertThat(q.get("queueUrl").asText()).isEqualTo(quiet.url());
        assertThat(q.get("approximateNumberOfMessages").asLong()).isEqualTo(3);
        assertThat(q.get("approximateNumberOfMessagesNotVisible").asLong()).isEqualTo(1);
        assertThat(q.get("sourceArns")).extracting(JsonNode::asText).containsExactly(audit.arn());
        assertThat(q.get("latestTask").isNull()).isTrue();
        assertThat(byArn.get(empty.arn()).get("approximateNumberOfMessages").asLong()).isZero();
        JsonNode b = byArn.get(busy.arn());
        assertThat(b.get("sourceArns")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(orders.arn(), payments.arn());
        assertThat(b.get("latestTask").get("kind").asText()).isEqualTo("native");
        assertThat(b.get("latestTask").get("destinationArn").asText()).isEqualTo(dest.arn());

        RunResult text = redrive("list").assertExitCode(0);
        assertThat(text.outLines().get(0)).as(text.toString())
                .contains("DLQ", "VISIBLE", "IN FLIGHT", "SOURCES", "LATEST TASK");
        String quietRow = row(text, quiet.name());
        assertThat(quietRow).contains(" 3 ", " 1 ", audit.name());
        assertThat(row(text, busy.name())).contains(orders.name(), payments.name(), "native");
    }

    private static String row(RunResult text, String name) {
        return text.outLines().stream().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + ": " + text));
    }

    /**
     * 200 queues, half of them DLQs, each with its depth, sources and latest task, in a few seconds. The issue
     * asked for 1,000 where that fits in a few seconds: on this shared 2-core machine (load 20+) 1,000 took
     * 8 to 12 s, most of it ElasticMQ's own CPU, so the case is 200 with the bound kept.
     */
    @Test
    void twoHundredQueuesAreSurveyedInAFewSeconds() throws Exception {
        List<Queue> created = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Queue>>> pairs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                pairs.add(pool.submit(() -> {
                    Queue dlq = queues.create("many-dlq-" + n);
                    return List.of(dlq, queues.createSourceOf("many-src-" + n, dlq, false));
                }));
            }
            for (Future<List<Queue>> f : pairs) {
                created.addAll(f.get());
            }

            long t0 = System.nanoTime();
            RunResult list = redrive("list", "-o", "json").assertExitCode(0);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            Map<String, JsonNode> byArn = dlqsByArn(list);
            for (int i = 0; i < created.size(); i += 2) {
                assertThat(byArn).containsKey(created.get(i).arn());
                assertThat(byArn.get(created.get(i).arn()).get("sourceArns").get(0).asText())
                        .isEqualTo(created.get(i + 1).arn());
            }
            assertThat(took).as("list of 200 queues").isLessThan(Duration.ofSeconds(5));
        } finally {
            List<Future<?>> deletes = new ArrayList<>();
            // Gone again, so that no other test in this JVM scans them.
            created.forEach(q -> deletes.add(pool.submit(() -> queues.sqs().deleteQueue(r -> r.queueUrl(q.url())))));
            for (Future<?> f : deletes) {
                f.get();
            }
            pool.shutdown();
        }
    }
}
