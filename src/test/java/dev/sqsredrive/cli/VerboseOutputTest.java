package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** -v: what README promises — each queue as resolved, the mode and why, the rate, the client-side settings. */
@Timeout(120)
class VerboseOutputTest extends ElasticMqCliTest {

    private static String lineWith(RunResult r, String fragment) {
        return r.errLines().stream().filter(l -> l.contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no stderr line with '" + fragment + "': " + r));
    }

    @Test
    void aClientSideStartShowsEachQueueTheModeAndWhyTheRateWorkersAndVisibility() {
        Queue dlq = queues.create("dlq");
        queues.createSourceOf("src", dlq, false);
        Queue dest = queues.create("dest");
        queues.send(dlq, 3, "m");

        RunResult r = redrive("start", dlq.arn(), "--to", dest.name(), "--rate", "2.5", "-v").assertExitCode(0);

        String source = lineWith(r, dlq.arn() + " -> ");
        assertThat(source).contains(dlq.url(), "region " + ElasticMq.REGION, "account " + ElasticMq.ACCOUNT);
        String destination = lineWith(r, dest.name() + " -> ");
        assertThat(destination).contains(dest.url(), dest.arn(), "region " + ElasticMq.REGION);
        assertThat(lineWith(r, "mode: ")).contains("client-side", "--rate 2.5");
        assertThat(lineWith(r, "rate: ")).contains("2.50 messages/s");
        assertThat(lineWith(r, "workers: ")).contains("adaptive workers (from 4, 1 to 128)", "visibility timeout 30s");
        // ElasticMQ is no AWS endpoint: its account says nothing about the caller's, and STS is not asked.
        assertThat(r.err()).doesNotContain("caller", "another account", "GetCallerIdentity");
    }

    @Test
    void aNativeStartSaysWhyNativeAndThatSqsChoosesTheRate() {
        Queue dlq = queues.create("dlq");
        queues.createSourceOf("src", dlq, false);
        queues.send(dlq, 1, "m");

        RunResult r = redrive("start", dlq.name(), "--verbose").assertExitCode(0);

        assertThat(lineWith(r, dlq.name() + " -> ")).contains(dlq.url(), dlq.arn());
        assertThat(lineWith(r, "mode: ")).contains("native");
        assertThat(lineWith(r, "rate: ")).contains("chosen by SQS");
        assertThat(r.err()).doesNotContain("workers: ");
    }

    @Test
    void aQueueArnNamingAnotherAccountSaysNothingExtraOffAws() {
        Queue dlq = queues.create("dlq");
        queues.send(dlq, 1, "m");
        String foreign = "arn:aws:sqs:" + ElasticMq.REGION + ":111122223333:" + dlq.name();

        RunResult r = redrive("start", foreign, "--to", queues.create("dest").name(), "--dry-run", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("caller", "another account", "GetCallerIdentity");
    }
}
