package dev.sqsredrive.mover;

import static dev.sqsredrive.testing.proxy.Fault.resetAfterForward;
import static dev.sqsredrive.testing.proxy.Fault.throttle;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary's counts under faults (a {@link FaultProxy} in front of ElasticMQ) must say what happened: each
 * message moved is counted once, a throttled send is no possible duplicate, a delete that worked is no
 * "undeleted", and a run that moved everything does not fail on the receives that follow. One worker, so
 * that which call a rule hits is known.
 */
@Timeout(120)
class ClientMoverCountsTest {

    private static final int MESSAGES = 30;

    @TempDir
    Path stateDir;

    private TestQueues queues;
    private FaultProxy proxy;
    private TestQueues.Queue dlq;
    private TestQueues.Queue dest;

    @BeforeEach
    void queuesBehindAProxy() {
        queues = TestQueues.elasticMq();
        proxy = FaultProxy.start(ElasticMq.endpoint());
        dlq = queues.create("dlq");
        dest = queues.createSourceOf("orders", dlq, false);
    }

    @AfterEach
    void close() {
        proxy.close();
        queues.close();
    }

    /** The first batch's delete is throttled past every retry: it is received again and only deleted. */
    @Test
    void aDeleteFinishedAfterTheMessageCameBackIsCountedOnce() {
        proxy.add(FaultRule.firstCalls("DeleteMessageBatch", throttle(), Retry.MAX_ATTEMPTS));
        List<String> bodies = queues.send(dlq, MESSAGES, "once");

        RunResult run = move();
        MoverSummary summary = MoverSummary.of(run);
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(5));

        assertThat(proxy.rules().get(0).injected()).isEqualTo(Retry.MAX_ATTEMPTS);
        assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
        assertThat(census.delivered()).as(census.toString()).isEqualTo(MESSAGES);
        assertThat(census.remaining()).as(census.toString()).isZero();
        assertThat(summary.moved()).as(run.toString()).isEqualTo(MESSAGES);
        assertThat(summary.raw().path("resumedDeletes").asLong()).as(run.toString()).isZero();
        assertThat(summary.undeleted()).as(run.toString()).isZero();
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /**
     * A delete's answer is lost after the server deleted; the retry then hears ReceiptHandleIsInvalid (ElasticMQ;
     * AWS answers success for a message already deleted). The DLQ is empty: nothing is "undeleted", and no
     * journal is left for later runs to repeat.
     */
    @Test
    void aDeleteWhoseAnswerWasLostIsNotReportedUndeletedWhenTheDlqIsEmpty() throws IOException {
        proxy.add(FaultRule.firstCalls("DeleteMessageBatch", resetAfterForward(), 1));
        List<String> bodies = queues.send(dlq, MESSAGES, "lost-answer");

        RunResult run = move();
        MoverSummary summary = MoverSummary.of(run);
        RunResult again = move();

        assertThat(proxy.rules().get(0).injected()).isEqualTo(1);
        assertThat(summary.undeleted()).as(run.toString()).isZero();
        assertThat(summary.moved()).as(run.toString()).isEqualTo(MESSAGES);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(journals()).as("no journal left behind; " + run).isEmpty();
        assertThat(again.err()).as(again.toString()).doesNotContain("sent by an earlier run");
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(5));
        assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
        assertThat(census.remaining()).as(census.toString()).isZero();
    }

    /** A send throttled past every retry never reached the queue: moving it later is no possible duplicate. */
    @Test
    void sendsThatWereOnlyThrottledAreNoPossibleDuplicates() {
        proxy.add(FaultRule.firstCalls("SendMessageBatch", throttle(), Retry.MAX_ATTEMPTS));
        List<String> bodies = queues.send(dlq, MESSAGES, "throttled");

        RunResult first = move();
        RunResult second = move();
        MoverSummary firstSummary = MoverSummary.of(first);
        MoverSummary secondSummary = MoverSummary.of(second);
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(5));
        String runs = census + "\n" + first + "\n--- second run ---\n" + second;

        assertThat(proxy.rules().get(0).injected()).isEqualTo(Retry.MAX_ATTEMPTS);
        assertThat(firstSummary.failed()).as(runs).isEqualTo(10);
        assertThat(firstSummary.duplicatesPossible()).as(runs).isZero();
        assertThat(secondSummary.moved()).as(runs).isEqualTo(10);
        assertThat(secondSummary.duplicatesPossible()).as(runs).isZero();
        assertThat(second.exitCode()).as(runs).isZero();
        assertThat(census.lost(bodies)).as(runs).isEmpty();
        assertThat(census.delivered()).as(runs).isEqualTo(MESSAGES);
        assertThat(census.duplicates()).as(runs).isZero();
    }

    /** Every message moved with the first receive; every receive after it is throttled past its retries. */
    @Test
    void receivesFailingAfterEverythingMovedDoNotFailTheRun() {
        proxy.add(FaultRule.on("ReceiveMessage", throttle(), 2, 1, 1000));
        List<String> bodies = queues.send(dlq, 10, "then-throttled");

        RunResult run = move();
        MoverSummary summary = MoverSummary.of(run);
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(5));

        assertThat(proxy.rules().get(0).injected()).isGreaterThanOrEqualTo(Retry.MAX_ATTEMPTS);
        assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
        assertThat(census.delivered()).as(census + "\n" + run).isEqualTo(10);
        assertThat(summary.moved()).as(run.toString()).isEqualTo(10);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(summary.status()).isEqualTo("COMPLETED");
    }

    private List<Path> journals() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(stateDir)) {
            walk.filter(p -> p.toString().endsWith(".log")).forEach(found::add);
        }
        return found;
    }

    /** `redrive start DLQ --mode client --to DEST --concurrency 1 -o json`, in this JVM, through the proxy. */
    private RunResult move() {
        Map<String, String> env = new java.util.HashMap<>(queues.env(stateDir));
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        return Redrive.run(env, "start", dlq.name(), "--mode", "client", "--to", dest.name(), "--concurrency", "1",
                "-o", "json");
    }
}
