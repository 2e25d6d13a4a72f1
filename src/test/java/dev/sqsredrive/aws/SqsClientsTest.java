package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import dev.sqsredrive.mover.MoverConfig;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** How long a call may take: bounded when the server hangs, long enough for throttling and long polls. */
class SqsClientsTest {

    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");

    private static SqsClients clients(int readTimeoutSeconds, String endpoint) {
        return new SqsClients(AwsSettings.resolve(null, ElasticMq.REGION, endpoint,
                Duration.ofSeconds(readTimeoutSeconds), Duration.ofSeconds(5), KEYS));
    }

    private static ClientOverrideConfiguration configuration(SqsClients clients) {
        return clients.defaultClient().serviceClientConfiguration().overrideConfiguration();
    }

    /**
     * A call beyond the client's connections waits for one instead of being made: the pool must hold every
     * call the mover makes at its most workers (a receive ahead, a send and a delete each) and the visibility
     * calls beside them. It was sized for 64 workers when --concurrency went up to 128.
     */
    @Test
    void theConnectionPoolHoldsEveryCallOfTheMoverAtItsMostWorkers() {
        assertThat(SqsClients.MAX_CALLS_IN_FLIGHT).isGreaterThanOrEqualTo(3 * MoverConfig.MAX_CONCURRENCY + 2 * 16);
    }

    @Test
    void aCallWithItsRetriesGivesUpAfterTwiceTheReadTimeout() {
        try (SqsClients clients = clients(30, null)) {
            ClientOverrideConfiguration c = configuration(clients);
            assertThat(c.apiCallAttemptTimeout()).contains(Duration.ofSeconds(30));
            assertThat(c.apiCallTimeout()).as("six silent attempts of 30 s were three minutes")
                    .contains(Duration.ofSeconds(60));
        }
    }

    @Test
    void throttlingGetsEveryRetryWithinTheCallTimeoutAtTheDefaultReadTimeout() {
        try (SqsClients clients = clients(30, null)) {
            ClientOverrideConfiguration c = configuration(clients);
            assertThat(c.retryStrategy().orElseThrow().maxAttempts()).isEqualTo(SqsClients.MAX_ATTEMPTS);
            SqsException throttled = (SqsException) SqsException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestThrottled").build()).build();

            Duration worst = Duration.ZERO;
            for (int sample = 0; sample < 200; sample++) { // the backoff is jittered: look at many calls
                // A new one per call, as the client's would be: one strategy's retry token bucket (500 tokens,
                // 5 a retry) runs dry over 200 calls that fail, and stops retrying.
                RetryStrategy strategy = SqsClients.retryStrategy(SqsClients.MAX_ATTEMPTS);
                RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("sqs")).token();
                Duration backoff = Duration.ZERO;
                int retries = 0;
                try {
                    while (true) {
                        RefreshRetryTokenResponse next = strategy.refreshRetryToken(
                                RefreshRetryTokenRequest.builder().token(token).failure(throttled).build());
                        token = next.token();
                        backoff = backoff.plus(next.delay());
                        retries++;
                    }
                } catch (TokenAcquisitionFailedException exhausted) {
                    assertThat(retries).as("retries of a throttled call").isEqualTo(SqsClients.MAX_ATTEMPTS - 1);
                }
                worst = backoff.compareTo(worst) > 0 ? backoff : worst;
            }
            // Throttled answers come back at once: the backoff is nearly all of the time such a call takes.
            assertThat(worst).as("longest total backoff").isLessThan(c.apiCallTimeout().orElseThrow().minusSeconds(10));
        }
    }

    @Test
    void aLongPollNeedsItsOwnTimeoutsAndGetsThemFromLongPoll() {
        try (TestQueues queues = TestQueues.elasticMq(); SqsClients clients = clients(1, ElasticMq.endpoint().toString())) {
            String empty = queues.create("empty").url();
            SqsClient sqs = clients.defaultClient();

            assertThatThrownBy(() -> sqs.receiveMessage(r -> r.queueUrl(empty).waitTimeSeconds(2)))
                    .as("a 2 s poll under a 1 s read timeout, as the client's own timeouts allow")
                    .isInstanceOf(ApiCallTimeoutException.class);

            assertThat(sqs.receiveMessage(r -> r.queueUrl(empty).waitTimeSeconds(2)
                    .overrideConfiguration(clients.longPoll(Duration.ofSeconds(2)))).messages()).isEmpty();
        }
    }

    @Test
    void aCallThatEndedLeavesNoTimeoutWaitingForItsTime() {
        try (TestQueues queues = TestQueues.elasticMq(); SqsClients clients = clients(30, ElasticMq.endpoint().toString())) {
            String url = queues.create("timeouts").url();
            for (int call = 0; call < 20; call++) {
                clients.defaultClient().getQueueAttributes(r -> r.queueUrl(url));
                clients.withoutRetriesForRegion(ElasticMq.REGION).getQueueAttributes(r -> r.queueUrl(url));
            }

            // each call scheduled two (its attempt's, 30 s, and its own, 60 s) and cancelled both as it ended:
            // one left queued holds the call's thread and HTTP connection until its time comes
            assertThat(clients.timeoutsPending()).as("timeouts still queued after 40 calls ended").isZero();
        }
    }

    /**
     * The SDK keeps its JSON buffers (~24 KiB) per thread by default, and the mover's workers are threads alive
     * for the whole run, three a worker: at 128 workers that kept ~8 MiB alive. Shared, the buffers of threads
     * that called one after another are one set.
     */
    @Test
    void threadsThatCallOneAfterAnotherShareOneSetOfJsonBuffers() throws InterruptedException {
        try (TestQueues queues = TestQueues.elasticMq(); SqsClients clients = clients(30, ElasticMq.endpoint().toString())) {
            TestQueues.Queue queue = queues.create("buffers");
            String url = queue.url();
            for (int thread = 0; thread < 30; thread++) {
                int n = thread;
                Thread.ofVirtual().start(() -> clients.defaultClient().sendMessage(r -> r.queueUrl(url).messageBody("m" + n)))
                        .join();
            }

            assertThat(queues.depth(queue)).isEqualTo(30);
            assertThat(JsonBuffers.sdkFactory()._getRecyclerPool().pooledCount())
                    .as("sets of buffers pooled after 30 threads made one call each (-1: kept per thread)")
                    .isBetween(1, 2);
        }
    }
}
