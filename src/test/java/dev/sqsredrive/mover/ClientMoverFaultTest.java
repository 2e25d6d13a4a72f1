package dev.sqsredrive.mover;

import static dev.sqsredrive.testing.proxy.Fault.failEntries;
import static dev.sqsredrive.testing.proxy.Fault.latency;
import static dev.sqsredrive.testing.proxy.Fault.resetAfterForward;
import static dev.sqsredrive.testing.proxy.Fault.resetBeforeForward;
import static dev.sqsredrive.testing.proxy.Fault.serverError;
import static dev.sqsredrive.testing.proxy.Fault.throttle;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client-side mover against a server that misbehaves on purpose (a {@link FaultProxy} in front of
 * ElasticMQ). After each run every message is counted by body in the destination and the DLQ: none may be
 * lost, and copies may exist only where the mover's own summary admits them.
 */
@Timeout(90)
class ClientMoverFaultTest {

    private static final int MESSAGES = 30;

    @TempDir
    Path stateDir;

    private TestQueues queues;
    private FaultProxy proxy;
    private TestQueues.Queue dlq;
    private TestQueues.Queue dest;

    /** A DLQ and its source queue (the destination), and a proxy in front of ElasticMQ with no rule yet. */
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

    private static Arguments scenario(String name, FaultRule... rules) {
        return Arguments.of(name, List.of(rules));
    }

    /** Faults a mover must ride out completely: everything moves, exactly once. */
    static Stream<Arguments> transientFaults() {
        return Stream.of(
                scenario("RequestThrottled on sends", FaultRule.on("SendMessageBatch", throttle(), 1, 2, 3)),
                scenario("RequestThrottled on receives and deletes",
                        FaultRule.on("ReceiveMessage", throttle(), 1, 2, 2),
                        FaultRule.on("DeleteMessageBatch", throttle(), 1, 2, 2)),
                // an endpoint (or a proxy in front of it) answering in the query protocol's XML form
                scenario("RequestThrottled in XML on sends",
                        FaultRule.on("SendMessageBatch", Fault.throttle("RequestThrottled", true), 1, 2, 3)),
                scenario("KMS.ThrottlingException, JSON and XML, on deletes",
                        FaultRule.on("DeleteMessageBatch", Fault.throttle("KMS.ThrottlingException", false), 1, 2, 2),
                        FaultRule.on("DeleteMessageBatch", Fault.throttle("KMS.ThrottlingException", true), 2, 2, 2)),
                scenario("HTTP 500 on sends", FaultRule.on("SendMessageBatch", serverError(500), 1, 2, 3)),
                scenario("HTTP 503 on receives and deletes",
                        FaultRule.on("ReceiveMessage", serverError(503), 2, 2, 2),
                        FaultRule.on("DeleteMessageBatch", serverError(503), 1, 2, 2)),
                scenario("connection reset before a receive reaches the server",
                        FaultRule.on("ReceiveMessage", resetBeforeForward(), 1, 2, 2)),
                scenario("latency on every third call", FaultRule.on(null, latency(Duration.ofMillis(250)), 1, 3, 12)),
                scenario("receiver-fault partial delete failures",
                        FaultRule.on("DeleteMessageBatch", failEntries(2, false), 1, 1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void transientFaultsAreRetriedAndEveryMessageMovesOnce(String name, List<FaultRule> rules) {
        rules.forEach(proxy::add);
        List<String> bodies = queues.send(dlq, MESSAGES, name.replace(' ', '_'));

        RunResult run = move();
        MoverSummary summary = MoverSummary.of(run);
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(5));

        assertThat(proxy.rules()).as("every fault was really injected").allMatch(r -> r.injected() > 0);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
        assertThat(census.delivered()).as(census.toString()).isEqualTo(MESSAGES);
        assertThat(census.remaining()).as(census.toString()).isZero();
        assertThat(census.duplicates()).as(census.toString()).isZero();
        assertThat(summary.moved()).isEqualTo(MESSAGES);
        assertThat(summary.failed()).isZero();
        assertThat(summary.duplicatesPossible()).isZero();
    }

    /**
     * Faults where the mover cannot know whether the server acted (a response lost after a send or a delete),
     * or where a send succeeded and its delete did not. Nothing may be lost; a message sent but not deleted must
     * be admitted (undeleted) and finished by running the same command again, without a second send; extra
     * copies in the destination must be admitted (duplicatesPossible).
     */
    static Stream<Arguments> ambiguousFaults() {
        return Stream.of(
                // a reset looks the same to the client whether or not the server saw the call
                scenario("connection reset before sends and deletes reach the server",
                        FaultRule.on("SendMessageBatch", resetBeforeForward(), 1, 3, 2),
                        FaultRule.on("DeleteMessageBatch", resetBeforeForward(), 2, 3, 2)),
                scenario("connection reset after a send reached the server",
                        FaultRule.on("SendMessageBatch", resetAfterForward(), 2, 1, 1)),
                scenario("connection reset after a delete reached the server",
                        FaultRule.on("DeleteMessageBatch", resetAfterForward(), 1, 1, 1)),
                // SenderFault false says nothing of whether the entry was stored: each resend may be a copy
                scenario("receiver-fault partial send failures, not stored",
                        FaultRule.on("SendMessageBatch", failEntries(3, false), 1, 1, 2)),
                scenario("receiver-fault partial send failures, stored anyway",
                        FaultRule.on("SendMessageBatch", Fault.storedButFailed(3), 1, 1, 2)),
                scenario("sender-fault partial delete failures",
                        FaultRule.on("DeleteMessageBatch", failEntries(2, true), 1, 1, 1)),
                scenario("a delete failing past every retry",
                        FaultRule.firstCalls("DeleteMessageBatch", failEntries(2, false), 6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguousFaults")
    void ambiguousFaultsLoseNothingAndReportEveryPossibleCopy(String name, List<FaultRule> rules) {
        rules.forEach(proxy::add);
        List<String> bodies = queues.send(dlq, MESSAGES, name.replace(' ', '_'));

        RunResult first = move();
        MoverSummary firstSummary = MoverSummary.of(first);
        assertThat(proxy.rules()).as("every fault was really injected").allMatch(r -> r.injected() > 0);
        long admitted = firstSummary.duplicatesPossible();
        RunResult second = null;
        if (queues.depth(dlq) > 0) {
            // a delete whose answer was lost may have worked: "undeleted" may count more than is left
            assertThat(firstSummary.undeleted()).as("what stays in the DLQ is admitted; " + first)
                    .isGreaterThanOrEqualTo(queues.depth(dlq));
            second = move();
            admitted += MoverSummary.of(second).duplicatesPossible();
        }
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(60));
        String runs = census + "\n" + first + (second == null ? "" : "\n--- re-run ---\n" + second);

        assertThat(census.lost(bodies)).as(runs).isEmpty();
        assertThat(census.delivered()).as(runs).isEqualTo(MESSAGES);
        assertThat(census.remaining()).as("after the re-run, nothing is left in the DLQ; " + runs).isZero();
        assertThat(census.extraDeliveries()).as("copies found vs admitted; " + runs)
                .isLessThanOrEqualTo((int) admitted);
    }

    @Test
    void senderFaultSendFailuresLeaveThoseMessagesInTheDlq() {
        proxy.add(FaultRule.on("SendMessageBatch", Fault.failBodies("poison", true), 1, 1, 1000));
        List<String> good = queues.send(dlq, MESSAGES - 3, "good");
        List<String> poison = queues.send(dlq, 3, "poison");

        RunResult run = move();
        MoverSummary summary = MoverSummary.of(run);
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(60));

        assertThat(census.inDestination().keySet()).as(census.toString()).containsExactlyInAnyOrderElementsOf(good);
        assertThat(census.inSource().keySet()).as(census.toString()).containsExactlyInAnyOrderElementsOf(poison);
        assertThat(census.duplicates()).isZero();
        assertThat(summary.moved()).as(run.toString()).isEqualTo(MESSAGES - 3);
        assertThat(summary.failed()).as(run.toString()).isEqualTo(3);
        assertThat(run.exitCode()).as("a run that left messages behind does not claim success; " + run)
                .isEqualTo(4);
        assertThat(summary.status()).isEqualTo("FAILED");
    }

    /**
     * Held messages whose visibility cannot always be extended (ChangeMessageVisibilityBatch answering late,
     * past the read timeout): a message whose hold may have lapsed may be another receive's by now, so the old
     * one must not send it; whatever may have gone out twice must be counted.
     */
    @Test
    @Timeout(150)
    void messagesWhoseHoldMayHaveLapsedAreNotSentTwice() {
        int messages = 60;
        // The first 16 visibility changes answer only after 40 s, long after the 3 s read timeout gave up on
        // them (and after the 30 s visibility ran out). At 2 messages/s with 32 workers, every message is
        // received at once and most wait more than 15 s for their turn: they need their hold extended.
        proxy.add(FaultRule.firstCalls("ChangeMessageVisibilityBatch", latency(Duration.ofSeconds(40)), 16));
        List<String> bodies = queues.send(dlq, messages, "held");

        RunResult run = move("--rate", "2", "--concurrency", "32", "--cli-read-timeout", "3");
        MoverSummary summary = MoverSummary.of(run);
        Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(30));
        String seen = census + "\n" + run;

        assertThat(proxy.rules()).as("the fault was really injected").allMatch(r -> r.injected() > 0);
        assertThat(census.lost(bodies)).as(seen).isEmpty();
        assertThat(census.extraDeliveries()).as("copies found vs admitted; " + seen)
                .isLessThanOrEqualTo((int) summary.duplicatesPossible());
        assertThat(census.extraDeliveries()).as("no message sent by two holders; " + seen).isZero();
        assertThat(census.delivered()).as(seen).isEqualTo(messages);
        assertThat(run.exitCode()).as(seen).isZero();
    }

    /** `redrive start DLQ --mode client --to DEST -o json` and these options, in this JVM, through the proxy. */
    private RunResult move(String... options) {
        Map<String, String> env = new java.util.HashMap<>(queues.env(stateDir));
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        List<String> args = new java.util.ArrayList<>(List.of("start", dlq.name(), "--mode", "client", "--to",
                dest.name(), "-o", "json"));
        args.addAll(List.of(options));
        return Redrive.run(env, args.toArray(String[]::new));
    }
}
