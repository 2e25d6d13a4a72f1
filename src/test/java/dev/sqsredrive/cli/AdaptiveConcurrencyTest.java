package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client-side mover's workers (docs/MOVER.md "Concurrency"): without --concurrency (or with `auto`) their
 * number finds itself, from 16 (4 under --rate) within 1 to 128, and a run moves everything while some of them wait for their turn
 * (a waiting worker neither holds up nor fakes the drain); --concurrency N fixes it, up to 128. The start line,
 * -v and the JSON summary say how many.
 */
@Timeout(180)
class AdaptiveConcurrencyTest extends ElasticMqCliTest {

    @Test
    void byDefaultTheWorkersFindTheirNumberMoveEverythingAndSaySo() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> sent = queues.send(dlq, 600, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "-v", "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(queues.bodies(queues.drain(target))).as("every message moved once, none lost")
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(queues.depth(dlq)).isZero();
        JsonNode workers = TaskCodec.JSON.readTree(r.out()).path("workers");
        assertThat(workers.path("adaptive").asBoolean()).as(r.out()).isTrue();
        assertThat(workers.path("min").asInt()).isEqualTo(1);
        assertThat(workers.path("max").asInt()).isEqualTo(128);
        assertThat(workers.path("atEnd").asInt()).isBetween(1, 128);
        assertThat(workers.path("peak").asInt()).isBetween(4, 128).isGreaterThanOrEqualTo(workers.path("atEnd").asInt());
        assertThat(r.err()).as("the -v plan line").contains("adaptive workers (from 16, 1 to 128), visibility timeout");
        assertThat(r.err()).as("-v: the number as the run goes").containsPattern("workers \\d+ \\(adaptive, 1 to 128\\)");
    }

    @Test
    void theStartLineSaysTheWorkers() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 3, "m");

        RunResult adaptive = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");
        RunResult fixed = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "--concurrency", "3");

        assertThat(adaptive.err()).as(adaptive.toString())
                .contains("(no --rate), adaptive workers (from 16, 1 to 128); Ctrl-C");
        assertThat(fixed.err()).as(fixed.toString()).contains("(no --rate), 3 workers; Ctrl-C");
    }

    @Test
    void concurrencyNFixesTheWorkersUpTo128AndAutoIsTheDefaultByName() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> sent = queues.send(dlq, 200, "m");

        RunResult most = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client",
                "--concurrency", "128", "--limit", "100", "-o", "json");
        RunResult auto = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client",
                "--concurrency", "auto", "-o", "json");

        assertThat(most.exitCode()).as(most.toString()).isZero();
        JsonNode fixed = TaskCodec.JSON.readTree(most.out()).path("workers");
        assertThat(fixed.path("adaptive").asBoolean()).as(most.out()).isFalse();
        assertThat(fixed.path("atEnd").asInt()).isEqualTo(128);
        assertThat(fixed.path("peak").asInt()).isEqualTo(128);
        assertThat(auto.exitCode()).as(auto.toString()).isZero();
        assertThat(TaskCodec.JSON.readTree(auto.out()).path("workers").path("adaptive").asBoolean()).isTrue();
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(sent);
    }
}
