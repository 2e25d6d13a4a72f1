package dev.sqsredrive.mover;

import static dev.sqsredrive.testing.proxy.Fault.latency;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.ProxiedMove;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delete stage runs off the workers: a worker hands over what the destination confirmed and goes on
 * receiving and sending while the delete is under way; a run that ends with deletes in flight waits for them,
 * so nothing is left both delivered and in the DLQ, and the summary counts what was moved.
 */
@Timeout(90)
class DeletesOffTheWorkerTest {

    private static final int MESSAGES = 40;

    @TempDir
    Path stateDir;

    private ProxiedMove setup;
    private TestQueues queues;

    @BeforeEach
    void queuesBehindAProxy() {
        setup = new ProxiedMove();
        queues = setup.queues();
    }

    @AfterEach
    void close() {
        setup.close();
    }

    @Test
    void slowDeletesDoNotHoldTheWorkersBack() throws Exception {
        List<String> bodies = queues.send(setup.dlq(), MESSAGES, "slow-delete");
        // No delete answers until every message is sent: whatever the machine's load, the sends cannot race them.
        FaultRule heldDeletes = FaultRule.on("DeleteMessageBatch", Fault.stall(), 1, 1, 1000);
        setup.proxy().add(heldDeletes);

        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> move("--concurrency", "2"));
        // Two workers, 10 messages a receive: a worker that waited for its delete would stop at 20 messages sent,
        // since none answers; off the worker, all 40 go out.
        Deadline.await(Duration.ofSeconds(60), () -> queues.depth(setup.dest()) == MESSAGES,
                () -> "all " + MESSAGES + " sent while no delete answered; destination has "
                        + queues.depth(setup.dest()));
        setup.proxy().remove(heldDeletes); // the held deletes' connections are reset: the run tries them again
        RunResult run = running.get(60, TimeUnit.SECONDS);
        Census census = setup.census();
        String seen = census + "\n" + run;

        assertThat(census.lost(bodies)).as(seen).isEmpty();
        assertThat(census.extraDeliveries()).as(seen).isZero();
        assertThat(census.remaining()).as("every delete done before the run ended; " + seen).isZero();
        assertThat(MoverSummary.of(run).moved()).as(seen).isEqualTo(MESSAGES);
        assertThat(run.exitCode()).as(seen).isZero();
    }

    @Test
    void aRunStoppedByItsLimitWaitsForTheDeletesInFlight() throws Exception {
        List<String> bodies = queues.send(setup.dlq(), MESSAGES, "limit");
        setup.proxy().add(FaultRule.on("DeleteMessageBatch", latency(Duration.ofSeconds(2)), 1, 1, 1000));

        RunResult run = move("--concurrency", "2", "--limit", "20");
        Census census = setup.census();
        String seen = census + "\n" + run;
        MoverSummary summary = MoverSummary.of(run);

        assertThat(census.lost(bodies)).as(seen).isEmpty();
        assertThat(census.delivered()).as(seen).isEqualTo(20);
        assertThat(census.deliveredButNotDeleted()).as("a delivered message left in the DLQ; " + seen).isZero();
        assertThat(census.remaining()).as(seen).isEqualTo(MESSAGES - 20);
        assertThat(summary.moved()).as(seen).isEqualTo(20);
        assertThat(summary.undeleted()).as(seen).isZero();
        assertThat(run.exitCode()).as(seen).isZero();
    }

    private RunResult move(String... options) {
        return setup.move(stateDir, options);
    }
}
