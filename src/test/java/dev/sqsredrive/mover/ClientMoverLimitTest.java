package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.sqsredrive.time.Ticker;
import dev.sqsredrive.time.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * --limit against scripted receives (FakeQueueOps): the test chooses which messages a receive returns, here
 * an earlier run's sends first, which ElasticMQ's own order does not let a test arrange.
 */
@Timeout(30)
class ClientMoverLimitTest {

    private static final Destination DEST = new Destination("http://q/dest", "arn:aws:sqs:us-east-1:1:dest", false,
            1024);

    @TempDir
    Path dir;

    @Test
    void deletingWhatAnEarlierRunSentDoesNotUseUpTheLimit() throws Exception {
        FakeQueueOps ops = new FakeQueueOps();
        ops.receives.add(List.of(FakeQueueOps.message("p1", "earlier-1"), FakeQueueOps.message("p2", "earlier-2")));
        ops.receives.add(List.of(FakeQueueOps.message("a", "new-a"), FakeQueueOps.message("b", "new-b")));
        ops.receives.add(List.of(FakeQueueOps.message("c", "new-c")));
        MoverConfig config = MoverConfig.builder("http://q/dlq", "arn:aws:sqs:us-east-1:1:dlq").limit(2L)
                .visibilityTimeout(Duration.ofSeconds(30)).waitSeconds(0).tick(Duration.ofMillis(50)).toMove(2L).build();
        Journal journal = Journal.open(dir.resolve("j.log"), "{}");
        ClientMover mover = new ClientMover(config, ops.endpoint(), new Routing(DEST, null, 0, arn -> Optional.empty()),
                journal, Set.of("p1", "p2"), new Clocks(Clock.systemUTC(), Ticker.system(), Sleeper.real()));

        MoveSummary summary = mover.run(ProgressListener.none());

        // The earlier run's --limit counted p1 and p2 when it sent them; this run delivers its own 2.
        assertThat(ops.sentBodies()).containsExactly("new-a", "new-b");
        assertThat(summary.resumedDeletes()).isEqualTo(2);
        assertThat(ops.deletedReceiptHandles()).containsExactlyInAnyOrder("rh-p1", "rh-p2", "rh-a", "rh-b");
    }
}
