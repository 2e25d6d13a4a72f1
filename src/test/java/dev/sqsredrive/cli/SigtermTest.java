package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as a runbook's `timeout` or `kill` sends it, to a real `redrive` process moving client-side against
 * ElasticMQ: the same orderly stop as Ctrl-C (summary printed, nothing lost), and exit 143 (128 + 15, what
 * the JVM and every shell report for SIGTERM), as README and --help say.
 */
class SigtermTest {

    private static final int MESSAGES = 200;

    @TempDir
    Path state;

    @Test
    void sigtermStopsAClientSideRunInOrderPrintsTheSummaryAndExits143() {
        try (TestQueues queues = TestQueues.elasticMq()) {
            TestQueues.Queue dlq = queues.create("dlq");
            TestQueues.Queue dest = queues.create("dest");
            queues.send(dlq, MESSAGES, "m");
            try (RedriveProcess run = RedriveProcess.start(queues.env(state), state, "start", dlq.name(),
                    "--to", dest.name(), "--mode", "client", "--rate", "10")) {
                String handle = run.readLine();
                assertThat(handle).as("the handle first; stderr:\n" + run.stderr()).startsWith("client-");
                Deadline.await(Duration.ofSeconds(60), () -> queues.depth(dest) > 0,
                        () -> "the first messages to move; stderr:\n" + run.stderr());
                run.terminate();
                RunResult r = run.await(120);

                assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.TERMINATED.code()).isEqualTo(143);
                assertThat(r.outLines()).as(r.toString()).hasSize(2);
                assertThat(r.outLines().get(1)).as("the summary").contains("moved ");
                int moved = queues.drain(dest).size();
                assertThat(moved).isPositive().isLessThan(MESSAGES);
                Deadline.await(Duration.ofSeconds(30), () -> queues.depth(dlq) == MESSAGES - moved,
                        () -> "every message not moved back in the DLQ at once: " + queues.depth(dlq));
                assertThat(r.outLines().get(1)).as("what happened: a signal, not a cancel").startsWith("INTERRUPTED");

                RunResult watch = Redrive.run(queues.env(state), "watch", handle);
                assertThat(watch.exitCode()).as("watch of a run stopped by SIGTERM; " + watch)
                        .isEqualTo(ExitCode.TASK_FAILED.code());
                assertThat(watch.err()).contains("task INTERRUPTED").contains("--resume " + handle);
            }
        }
    }
}
