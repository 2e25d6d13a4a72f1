package dev.sqsredrive.cli;

import static dev.sqsredrive.testing.proxy.Fault.storedButFailed;
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
 * A SendMessageBatch entry the answer calls failed on the server's side (SenderFault false, InternalError) may
 * have been stored anyway: its outcome is unknown, like a lost answer's, so the resend that follows is a
 * possible duplicate and the summary counts it (issue 17, case 2).
 */
@Timeout(180)
class ServerSideEntryFailureTest {

    @TempDir
    Path state;

    @Test
    void aResendOfAnEntryFailedOnTheServersSideIsCountedAsAPossibleDuplicate() {
        try (ProxiedMove move = new ProxiedMove()) {
            List<String> bodies = move.queues().send(move.dlq(), 300, "s");
            // one entry in every third batch: stored by ElasticMQ, then reported failed with SenderFault false
            FaultRule stored = FaultRule.on("SendMessageBatch", storedButFailed(1), 1, 3, 10);
            move.proxy().add(stored);

            RunResult r = move.move(state);
            MoverSummary s = MoverSummary.of(r);
            Census census = move.census();

            assertThat(stored.injected()).isEqualTo(10);
            assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
            long twice = census.inDestination().values().stream().filter(n -> n > 1).count();
            assertThat(twice).as("stored entries were resent; " + census).isPositive();
            assertThat(s.duplicatesPossible()).as("each message delivered more than once admitted (" + twice
                    + "); " + r).isGreaterThanOrEqualTo(twice);
            assertThat(s.moved()).as("moved = delivered by content; " + r).isEqualTo(census.delivered());
            assertThat(census.remaining()).isZero();
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
    }
}
