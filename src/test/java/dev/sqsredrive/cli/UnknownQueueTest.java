package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped queue name: one line naming it, the region looked in, close names and what to run. */
class UnknownQueueTest {

    @TempDir
    Path state;

    @Test
    void aTypoIsAnsweredWithTheNameMeant() {
        try (TestQueues queues = TestQueues.elasticMq()) {
            // Words no other test uses: leftover queues of other tests in the shared server stay far from them.
            var dlq = queues.create("ledger-adjustments-dlq");
            queues.createSourceOf("ledger-adjustments", dlq, false);
            String typo = dlq.name().replace("adjustments", "adjustmnts");
            RunResult r = Redrive.run(queues.env(state), "start", typo, "--yes");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.AWS.code());
            assertThat(r.out()).isEmpty();
            // ElasticMQ answers QueueDoesNotExist where AWS says AWS.SimpleQueueService.NonExistentQueue.
            assertThat(r.err()).isEqualTo("redrive: queue '" + typo + "' does not exist in us-east-1 (QueueDoesNotExist);"
                    + " did you mean '" + dlq.name() + "' or '" + queues.name("ledger-adjustments", false) + "'?"
                    + " ('redrive list' shows the DLQs of this region;"
                    + " --region picks another)\n");
        }
    }

    @Test
    void anArnOfAMissingQueueGetsNoGuesses() {
        try (TestQueues queues = TestQueues.elasticMq()) {
            String arn = "arn:aws:sqs:us-east-1:000000000000:" + queues.name("gone", false);
            RunResult r = Redrive.run(queues.env(state), "watch", arn);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.AWS.code());
            assertThat(r.err()).startsWith("redrive: queue '" + arn + "' does not exist in us-east-1 (")
                    .doesNotContain("did you mean").contains("'redrive list' shows the DLQs of this region)");
        }
    }
}
