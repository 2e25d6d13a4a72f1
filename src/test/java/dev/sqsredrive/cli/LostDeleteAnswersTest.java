package dev.sqsredrive.cli;

import static dev.sqsredrive.testing.proxy.Fault.resetAfterForward;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.ProxiedMove;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes whose answers were lost (they were carried out; the retry then hears "invalid receipt handle") next
 * to receives whose answers were lost (those messages stay in flight in the DLQ): the summary must not call
 * the deleted ones "delivered but still in the DLQ", nor leave the ones really there out of "left behind"
 * (issue 17, case 4: it said 74 undeleted and about 6 left behind where 80 undelivered ones were in the DLQ).
 */
@Timeout(180)
class LostDeleteAnswersTest {

    @TempDir
    Path state;

    @Test
    void lostDeleteAnswersAreNotCountedAsMessagesStillInTheDlq() {
        try (ProxiedMove move = new ProxiedMove()) {
            List<String> bodies = move.queues().send(move.dlq(), 100, "d");
            FaultRule lostDeletes = FaultRule.on("DeleteMessageBatch", resetAfterForward(), 1, 1, 3);
            FaultRule lostReceives = FaultRule.on("ReceiveMessage", resetAfterForward(), 2, 2, 3);
            move.proxy().add(lostDeletes).add(lostReceives);

            RunResult r = move.move(state);
            MoverSummary s = MoverSummary.of(r);
            long inDlq = move.queues().depth(move.dlq());
            long inDest = move.queues().depth(move.dest());

            assertThat(lostDeletes.injected()).isEqualTo(3);
            assertThat(inDlq).as("lost receives left messages in flight; " + r).isPositive();
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.INCOMPLETE.code());
            assertThat(s.moved()).as("moved = delivered; " + r).isEqualTo(inDest);
            assertThat(s.undeleted() + s.raw().path("leftBehind").asLong(-1))
                    .as("what the summary says is in the DLQ; " + r).isEqualTo(inDlq);
            assertThat(s.raw().path("leftBehind").asLong(-1)).as("the undelivered ones left behind; " + r)
                    .isEqualTo(inDlq - s.undeleted());
            Census census = Census.take(move.queues(), move.dlq(), move.dest(), Duration.ofSeconds(60));
            assertThat(census.lost(bodies)).isEmpty();
            assertThat(census.deliveredButNotDeleted()).as("undeleted = delivered and in the DLQ; " + census)
                    .isEqualTo((int) s.undeleted());
        }
    }
}
