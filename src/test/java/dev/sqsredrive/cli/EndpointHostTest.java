package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;

/**
 * A queue URL whose host is not the endpoint in use: the SDK sends every request to the endpoint (the URL's
 * host is never called), which was silent, so `http://169.254.169.254/…` looked like a call to that host.
 * Said in one line before the first call; loopback names count as one host (the endpoint's own URLs may say
 * localhost where the endpoint says 127.0.0.1).
 */
class EndpointHostTest extends ElasticMqCliTest {

    @Test
    void aQueueUrlOfAnotherHostSaysWhichHostIsCalled() {
        Queue dlq = queues.create("dlq");
        String elsewhere = "http://169.254.169.254/000000000000/" + dlq.name();

        RunResult r = redrive("list", elsewhere);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).first().asString().isEqualTo("redrive: queue URL " + elsewhere
                + " names host 169.254.169.254, which is not called: requests go to the endpoint in use, "
                + queues.endpoint() + " (AWS_ENDPOINT_URL)");
    }

    @Test
    void aQueueUrlOfTheEndpointsOwnHostSaysNothing() {
        Queue dlq = queues.create("dlq");

        RunResult r = redrive("list", dlq.url().replace("127.0.0.1", "localhost"));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("which is not called");
    }
}
