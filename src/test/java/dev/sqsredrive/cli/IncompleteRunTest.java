package dev.sqsredrive.cli;

import static dev.sqsredrive.testing.proxy.Fault.resetAfterForward;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A client-side run that drains what it can but leaves selected messages in the DLQ is INCOMPLETE (exit 8)
 * and says how many; a run that moves everything it selected is COMPLETED (exit 0), also with a filter.
 * ElasticMQ's approximate counts are exact, so the numbers are asserted exactly.
 */
@Timeout(120)
class IncompleteRunTest extends ElasticMqCliTest {

    @Test
    void messagesHeldByAnotherConsumerAreNamedAndTheRunIsIncomplete() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 300, "m");
        List<Message> heldElsewhere = receiveAndKeep(dlq, 50);

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "-o", "json");
        MoverSummary s = MoverSummary.of(r);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(s.status()).isEqualTo("INCOMPLETE");
        assertThat(s.moved()).isEqualTo(250);
        assertThat(s.raw().path("leftBehind").asLong(-1)).as(r.toString()).isEqualTo(50);
        assertThat(r.err()).contains("about 50 message(s) still in the DLQ, not moved: in flight elsewhere");
        assertThat(queues.drain(target)).hasSize(250);
        assertThat(queues.depth(dlq)).as("the other consumer's messages are still there").isEqualTo(50);

        RunResult watch = redrive("watch", s.taskHandle());
        assertThat(watch.exitCode()).as("watch of the ended task; " + watch).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(watch.out()).contains("INCOMPLETE").contains("about 50 message(s) still in the DLQ");
        deleteAll(dlq, heldElsewhere);
    }

    @Test
    void messagesTakenByReceivesWhoseAnswersWereLostAreInFlightAndTheRunIsIncomplete() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 100, "m");
        try (FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint())) {
            // SQS handed these messages out, hidden for the mover's 30 s, but the mover never got them
            FaultRule lost = FaultRule.on("ReceiveMessage", resetAfterForward(), 1, 2, 3);
            proxy.add(lost);
            Map<String, String> env = new HashMap<>(queues.env(state));
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());

            RunResult r = Redrive.run(env, "start", dlq.name(), "--to", target.name(), "--mode", "client",
                    "-o", "json");
            MoverSummary s = MoverSummary.of(r);
            long inDlq = queues.depth(dlq);

            assertThat(lost.injected()).isEqualTo(3);
            assertThat(inDlq).as("lost answers took messages; " + r).isPositive();
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.INCOMPLETE.code());
            assertThat(s.status()).isEqualTo("INCOMPLETE");
            assertThat(s.raw().path("leftBehind").asLong(-1)).as(r.toString()).isEqualTo(inDlq);
            assertThat(s.moved() + inDlq).as("every message moved or named as left; " + r).isEqualTo(100);
            assertThat(r.err()).contains("about " + inDlq + " message(s) still in the DLQ, not moved");
            assertThat(queues.drain(target)).hasSize((int) s.moved());
        }
    }

    @Test
    void aRunThatMovesEverythingIsCompletedWithNothingLeftBehind() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 300, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "-o", "json");
        MoverSummary s = MoverSummary.of(r);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(s.status()).isEqualTo("COMPLETED");
        assertThat(s.moved()).isEqualTo(300);
        assertThat(s.raw().path("leftBehind").isNumber()).as(r.toString()).isTrue();
        assertThat(s.raw().path("leftBehind").asLong()).isZero();
        assertThat(r.err()).doesNotContain("still in the DLQ");
        assertThat(queues.depth(dlq)).isZero();
    }

    @Test
    void messagesAFilterLeavesAreNotSelectedSoTheRunIsCompleted() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        for (int i = 0; i < 30; i++) {
            String tenant = i % 3 == 0 ? "acme" : "other";
            String body = tenant + "-" + i;
            queues.sqs().sendMessage(q -> q.queueUrl(dlq.url()).messageBody(body).messageAttributes(Map.of("tenant",
                    MessageAttributeValue.builder().dataType("String").stringValue(tenant).build())));
        }

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client",
                "--filter", "attr:tenant=acme", "-o", "json");
        MoverSummary s = MoverSummary.of(r);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(s.status()).isEqualTo("COMPLETED");
        assertThat(s.moved()).isEqualTo(10);
        assertThat(s.skipped()).isEqualTo(20);
        assertThat(s.raw().path("leftBehind").isNumber()).as(r.toString()).isTrue();
        assertThat(s.raw().path("leftBehind").asLong()).isZero();
        assertThat(queues.drain(dlq)).as("the filter's messages are released at the end").hasSize(20);
    }

    /** Another consumer: receives count messages with a long visibility timeout and does not delete them. */
    private List<Message> receiveAndKeep(Queue dlq, int count) {
        List<Message> got = new ArrayList<>();
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (got.size() < count) {
            int want = Math.min(10, count - got.size());
            got.addAll(queues.sqs().receiveMessage(q -> q.queueUrl(dlq.url()).maxNumberOfMessages(want)
                    .visibilityTimeout(600).waitTimeSeconds(1)).messages());
            deadline.check(() -> "receiving " + count + " messages; got " + got.size());
        }
        return got;
    }

    private void deleteAll(Queue dlq, List<Message> messages) {
        messages.forEach(m -> queues.sqs().deleteMessage(q -> q.queueUrl(dlq.url()).receiptHandle(m.receiptHandle())));
    }
}
