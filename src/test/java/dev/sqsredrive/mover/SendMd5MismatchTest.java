package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.ProxiedMove;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send answered with MD5s that do not match what was sent (ElasticMQ answers right, so the proxy in front of
 * it changes the answer): that one message stays in the DLQ, reported, and the copy that arrived is admitted
 * when it is sent again; the rest of its batch moves once.
 */
@Timeout(180)
class SendMd5MismatchTest {

    private static final int MESSAGES = 20;

    @TempDir
    Path stateDir;

    /** The first entry SQS confirmed, answered with the MD5 of another body. */
    private static void wrongBodyMd5(ObjectNode answer) {
        ((ObjectNode) answer.path("Successful").get(0)).put("MD5OfMessageBody", "0123456789abcdef0123456789abcdef");
    }

    private static final String ALTERED = "-altered-on-its-way";

    /** The first entry of a send, its body changed on the way: the server stores, and answers for, another body. */
    private static void alterFirstBody(ObjectNode request) {
        ObjectNode first = (ObjectNode) request.path("Entries").get(0);
        first.put("MessageBody", first.path("MessageBody").asText() + ALTERED);
    }

    /**
     * The altered copy kept the MessageId the mismatched answer gave it: when the destination's consumer fails it
     * and it dead-letters back, the next run knows it as returned (one pass, docs/MOVER.md "Safe redrive"), as it
     * knows the confirmed copies, and sends only the original again. Its content no longer matches the
     * original's fingerprint, so only that MessageId can tell.
     */
    @Test
    void anAlteredCopyThatDeadLettersBackIsReturnedNotMovedAgain() {
        try (ProxiedMove move = new ProxiedMove()) {
            move.proxy().add(FaultRule.firstCalls("SendMessageBatch",
                    Fault.editRequest(SendMd5MismatchTest::alterFirstBody), 1));
            move.queues().send(move.dlq(), MESSAGES, "md5");

            RunResult first = move.move(stateDir);
            assertThat(MoverSummary.of(first).failed()).as("the altered copy's answer did not match; " + first)
                    .isEqualTo(1);
            assertThat(MoverSummary.of(first).moved()).as(first.toString()).isEqualTo(MESSAGES - 1);
            move.queues().failEvery(move.dest(), move.dlq(), 1 + MESSAGES); // every copy, the altered one too

            RunResult second = move.move(stateDir, "--max-returned", "off");
            List<String> arrived = move.queues().bodies(move.queues().drain(move.dest()));
            String both = "arrived " + arrived + "\n" + first + "\n--- re-run ---\n" + second;

            assertThat(MoverSummary.of(second).raw().path("returned").asLong())
                    .as("every copy came back, the altered one too; " + both).isEqualTo(MESSAGES);
            assertThat(arrived).as("only the original, sent again: the altered copy is not moved a second time; "
                    + both).hasSize(1).noneMatch(body -> body.endsWith(ALTERED));
        }
    }

    @Test
    void theMismatchedMessageStaysInTheDlqAndItsArrivedCopyIsAdmitted() {
        try (ProxiedMove move = new ProxiedMove()) {
            move.proxy().add(FaultRule.firstCalls("SendMessageBatch",
                    Fault.editAnswer(SendMd5MismatchTest::wrongBodyMd5), 1));
            List<String> bodies = move.queues().send(move.dlq(), MESSAGES, "md5");

            RunResult first = move.move(stateDir);
            MoverSummary summary = MoverSummary.of(first);

            assertThat(move.proxy().rules()).as("the answer was really changed").allMatch(r -> r.injected() > 0);
            assertThat(move.queues().depth(move.dlq())).as("only the mismatched message stays in the DLQ; " + first)
                    .isEqualTo(1);
            assertThat(summary.moved()).as(first.toString()).isEqualTo(MESSAGES - 1);
            assertThat(summary.failed()).as(first.toString()).isEqualTo(1);
            assertThat(summary.raw().path("failures").toString()).as(first.toString()).contains("MD5s do not match");
            assertThat(first.exitCode()).as("a run that left a message behind does not claim success; " + first)
                    .isEqualTo(4);

            RunResult second = move.move(stateDir);
            MoverSummary again = MoverSummary.of(second);
            Census census = Census.take(move.queues(), move.dlq(), move.dest(), Duration.ofSeconds(60));
            String both = census + "\n" + first + "\n--- re-run ---\n" + second;

            assertThat(second.exitCode()).as(both).isZero();
            assertThat(census.lost(bodies)).as(both).isEmpty();
            assertThat(census.remaining()).as(both).isZero();
            assertThat(census.delivered()).as(both).isEqualTo(MESSAGES);
            assertThat(census.extraDeliveries()).as("only the mismatched message's first copy is extra: nothing"
                    + " else of its batch was sent twice; " + both).isEqualTo(1);
            assertThat(summary.duplicatesPossible() + again.duplicatesPossible())
                    .as("every copy found is admitted; " + both).isGreaterThanOrEqualTo(census.extraDeliveries());
        }
    }
}
