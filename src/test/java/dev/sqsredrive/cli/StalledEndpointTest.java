package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client-side run whose endpoint stops answering mid-move (a proxy in front of ElasticMQ that holds every
 * call): the run must end on its own within a bound, FAILED with one line naming the endpoint, or at once on
 * Ctrl-C with its summary; and once the endpoint answers again, every message is found.
 */
@Timeout(150)
class StalledEndpointTest extends ElasticMqCliTest {

    private static final int MESSAGES = 40;

    private FaultProxy proxy;
    private Queue dlq;
    private Queue dest;
    private final FaultRule stall = FaultRule.on(null, Fault.stall(), 1, 1, Integer.MAX_VALUE);

    @BeforeEach
    void queuesBehindAProxy() {
        proxy = FaultProxy.start(ElasticMq.endpoint());
        dlq = queues.create("dlq");
        dest = queues.createSourceOf("orders", dlq, false);
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    /** A slow move through the proxy; returns once some messages have moved, then stalls every call. */
    private BackgroundRedrive movingThenStalled(int readTimeoutSeconds) {
        Map<String, String> env = new java.util.HashMap<>(queues.env(state));
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        BackgroundRedrive start = new BackgroundRedrive(env, "start", dlq.name(), "--mode", "client", "--to",
                dest.name(), "--rate", "5", "--concurrency", "4", "--cli-read-timeout",
                String.valueOf(readTimeoutSeconds), "-o", "json");
        Deadline.await(Duration.ofSeconds(30), () -> proxy.sends().messages() >= 10,
                () -> "10 messages sent; so far " + start.result());
        proxy.add(stall);
        return start;
    }

    private void everyMessageIsFoundOnceTheEndpointAnswersAgain(List<String> bodies, RunResult run) {
        proxy.remove(stall);
        // what the run could not release comes back when its visibility (30 s) runs out
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(60));
        assertThat(census.lost(bodies)).as(census + "\n" + run).isEmpty();
        assertThat(census.extraDeliveries()).as(census + "\n" + run)
                .isLessThanOrEqualTo((int) MoverSummary.of(run).duplicatesPossible());
    }

    @Test
    void aRunWhoseEndpointStopsAnsweringFailsWithinABoundNamingTheEndpoint() throws Exception {
        List<String> bodies = queues.send(dlq, MESSAGES, "stalled");
        int readTimeout = 2;
        BackgroundRedrive start = movingThenStalled(readTimeout);
        long stalledAt = System.nanoTime();

        RunResult run = start.await();
        Duration took = Duration.ofNanos(System.nanoTime() - stalledAt);

        assertThat(took).as("from the stall to the end; " + run)
                .isLessThan(Duration.ofSeconds(4L * readTimeout + 10));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        MoverSummary summary = MoverSummary.of(run);
        assertThat(summary.status()).isEqualTo("FAILED");
        assertThat(run.err().lines().filter(l -> l.contains("no answer from " + proxy.endpoint())))
                .as("one line names the endpoint and what did not answer; " + run).hasSize(1)
                .allSatisfy(l -> assertThat(l).startsWith("redrive: ").contains("Message"));
        everyMessageIsFoundOnceTheEndpointAnswersAgain(bodies, run);
    }

    @Test
    void ctrlCWhileTheEndpointIsSilentPrintsTheSummaryWithinSeconds() throws Exception {
        List<String> bodies = queues.send(dlq, MESSAGES, "interrupted");
        // a read timeout long enough that the run would not give up on the endpoint by itself meanwhile
        BackgroundRedrive start = movingThenStalled(20);
        // One stalled call is enough: every call from here on stalls. Waiting for more can wait forever, since at
        // --rate 5 the other workers wait for the rate limiter while the stalled send holds its admission.
        Deadline.await(Duration.ofSeconds(10), () -> stall.injected() >= 1, () -> "a call stalled");
        long interruptedAt = System.nanoTime();

        InterruptHook.fireAll(); // what the JVM runs on SIGINT: returns once the summary is out
        Duration hookTook = Duration.ofNanos(System.nanoTime() - interruptedAt);
        RunResult run = start.await();

        assertThat(hookTook).as("Ctrl-C to the summary; " + run).isLessThan(Duration.ofSeconds(10));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
        assertThat(MoverSummary.of(run).status()).isEqualTo("INTERRUPTED");
        everyMessageIsFoundOnceTheEndpointAnswersAgain(bodies, run);
    }
}
