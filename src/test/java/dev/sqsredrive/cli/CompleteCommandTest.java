package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `redrive __complete queues PREFIX`, what the completion scripts call on every TAB. */
class CompleteCommandTest {

    @TempDir
    Path state;

    @Test
    void printsTheQueueNamesStartingWithThePrefix() {
        try (TestQueues queues = TestQueues.elasticMq()) {
            TestQueues.Queue dlq = queues.create("orders-dlq");
            TestQueues.Queue orders = queues.createSourceOf("orders", dlq, false);
            queues.create("payments");
            String prefix = orders.name().substring(0, orders.name().indexOf("-orders") + 4);

            RunResult run = Redrive.run(queues.env(state), "__complete", "queues", prefix);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().lines()).containsExactlyInAnyOrder(orders.name(), dlq.name());
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void anyFailureIsSilentAndExitsZero() {
        Map<String, String> env = new HashMap<>(TestQueues.elasticMq().env(state));
        env.put("AWS_ENDPOINT_URL", "not a url");

        for (String[] args : new String[][] {
                {"__complete", "queues", "ord"},                          // bad endpoint
                {"__complete", "queues", "ord", "--cli-read-timeout", "x"}, // bad option value
                {"__complete", "tasks"},                                   // unknown kind
                {"__complete", "queues", "a", "b"}}) {                     // too many arguments
            RunResult run = Redrive.run(env, args);
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isZero();
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void isHiddenFromHelpAndOtherCommandsStillReportUsageErrors() {
        RunResult help = Redrive.run(Map.of(), "--help");
        assertThat(help.out()).contains("completion").doesNotContain("__complete");

        RunResult bad = Redrive.run(Map.of(), "list", "--max");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("redrive:");
    }
}
