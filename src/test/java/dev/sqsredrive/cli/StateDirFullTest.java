package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.Tmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory fills up in the middle of a move (REDRIVE_STATE_DIR on a 64 KiB tmpfs): the run ends
 * like any other failure, with its summary of what moved, exit 4 (never 1, a bug, nor 9, "nothing was moved"),
 * and says what to do next (issue 18.2).
 */
@Timeout(180)
class StateDirFullTest {

    @TempDir
    Path dir;

    @Test
    void aStateDirectoryThatFillsUpEndsTheRunWithItsSummaryAndExit4() throws Exception {
        try (TestQueues queues = TestQueues.elasticMq();
             Tmpfs disk = Tmpfs.mount(dir.resolve("state"), "64k")) {
            TestQueues.Queue dlq = queues.create("dlq");
            TestQueues.Queue target = queues.create("target");
            List<String> bodies = queues.send(dlq, 2000, "f");
            Map<String, String> env = queues.env(disk.path());

            RunResult r = Redrive.run(env, "start", dlq.name(), "--to", target.name(), "--mode", "client", "-o", "json");
            MoverSummary s = MoverSummary.of(r);
            long inTarget = queues.depth(target);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED.code());
            assertThat(s.status()).isEqualTo("FAILED");
            assertThat(r.err()).as(r.toString()).contains("No space left on device").contains("--resume");
            assertThat(s.moved()).as("moved = what the destination holds; " + r).isEqualTo(inTarget).isPositive();
            Census census = Census.take(queues, dlq, target, Duration.ofSeconds(60));
            assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
        }
    }
}
