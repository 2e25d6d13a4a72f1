package dev.sqsredrive.testing.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The proxy itself, seen through a real SDK client: each fault arrives as SQS would send it. */
class FaultProxyTest {

    /** An SDK client through the proxy that never retries, so each injected fault surfaces. */
    private static SqsClient clientVia(FaultProxy proxy) {
        return SqsClient.builder().endpointOverride(proxy.endpoint()).region(Region.of(ElasticMq.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void forwardsUntouchedWhenNoRuleFires() {
        try (TestQueues queues = TestQueues.elasticMq(); FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint());
             SqsClient sqs = clientVia(proxy)) {
            TestQueues.Queue q = queues.create("plain");
            sqs.sendMessage(r -> r.queueUrl(q.url()).messageBody("hello"));
            assertThat(queues.bodies(queues.drain(q))).containsExactly("hello");
            assertThat(proxy.calls("SendMessage")).isEqualTo(1);
            assertThat(proxy.sends().messages()).isEqualTo(1);
        }
    }

    @Test
    void throttlesInTheJsonProtocolAsTheSdkRecognisesIt() {
        try (TestQueues queues = TestQueues.elasticMq();
             FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint(),
                     FaultRule.firstCalls("SendMessage", Fault.throttle(), 1));
             SqsClient sqs = clientVia(proxy)) {
            TestQueues.Queue q = queues.create("throttle");
            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(q.url()).messageBody("a")))
                    .isInstanceOfSatisfying(RequestThrottledException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestThrottled");
                        assertThat(RetryUtils.isThrottlingException(e)).isTrue();
                    });
            sqs.sendMessage(r -> r.queueUrl(q.url()).messageBody("b")); // the rule is spent: the next goes through
            assertThat(queues.bodies(queues.drain(q))).containsExactly("b");
        }
    }

    @Test
    void throttlesInTheQueryProtocolWithAnXmlError() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint(),
                FaultRule.firstCalls("SendMessage", Fault.throttle(), 1))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(proxy.endpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=SendMessage&MessageBody=x&QueueUrl=q"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("<Code>RequestThrottled</Code>", "<Type>Sender</Type>");
        }
    }

    @Test
    void answers5xxThatTheSdkRetries() {
        try (TestQueues queues = TestQueues.elasticMq();
             FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint(),
                     FaultRule.firstCalls("GetQueueAttributes", Fault.serverError(503), 1),
                     FaultRule.on("GetQueueAttributes", Fault.serverError(500), 2, 1, 1));
             SqsClient noRetry = clientVia(proxy);
             SqsClient retrying = SqsClient.builder().endpointOverride(proxy.endpoint())
                     .region(Region.of(ElasticMq.REGION)).httpClient(ApacheHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                             .toBuilder().maxAttempts(3).build())).build()) {
            TestQueues.Queue q = queues.create("unavailable");
            assertThatThrownBy(() -> noRetry.getQueueAttributes(r -> r.queueUrl(q.url())))
                    .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
            retrying.getQueueAttributes(r -> r.queueUrl(q.url())); // a 500, then the real answer
            assertThat(proxy.injected()).isEqualTo(2);
            assertThat(proxy.calls("GetQueueAttributes")).isEqualTo(3);
        }
    }

    @Test
    void failsTheChosenBatchEntriesForRealAndReportsThemLikeSqs() {
        try (TestQueues queues = TestQueues.elasticMq();
             FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint(),
                     FaultRule.firstCalls("SendMessageBatch", Fault.failEntries(2, true), 1));
             SqsClient sqs = clientVia(proxy)) {
            TestQueues.Queue q = queues.create("partial");
            var result = sqs.sendMessageBatch(r -> r.queueUrl(q.url()).entries(List.of(
                    entry("0"), entry("1"), entry("2"), entry("3"))));
            assertThat(result.failed()).extracting(f -> f.id() + ":" + f.senderFault()).containsExactly("0:true", "1:true");
            assertThat(result.successful()).extracting(s -> s.id()).containsExactly("2", "3");
            assertThat(queues.bodies(queues.drain(q))).containsExactly("body-2", "body-3");
            assertThat(proxy.sends().messages()).isEqualTo(2);
        }
    }

    @Test
    void resetsTheConnectionBeforeTheServerSeesTheCall() {
        try (TestQueues queues = TestQueues.elasticMq();
             FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint(),
                     FaultRule.firstCalls("SendMessage", Fault.resetBeforeForward(), 5));
             SqsClient sqs = clientVia(proxy)) {
            TestQueues.Queue q = queues.create("reset");
            // the JDK's HttpURLConnection may itself resend a POST once on a broken kept-alive connection,
            // so the rule covers more calls than one SDK attempt makes
            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(q.url()).messageBody("lost")))
                    .isInstanceOf(SdkClientException.class);
            assertThat(queues.depth(q)).isZero();
        }
    }

    @Test
    void delaysCallsByTheConfiguredLatency() {
        Duration delay = Duration.ofMillis(300);
        try (TestQueues queues = TestQueues.elasticMq();
             FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint(),
                     FaultRule.firstCalls("GetQueueAttributes", Fault.latency(delay), 1));
             SqsClient sqs = clientVia(proxy)) {
            TestQueues.Queue q = queues.create("slow");
            long start = System.nanoTime();
            sqs.getQueueAttributes(r -> r.queueUrl(q.url()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
        }
    }

    @Test
    void stallsCallsWithoutAnsweringUntilTheRuleIsRemoved() {
        FaultRule stall = FaultRule.on(null, Fault.stall(), 1, 1, Integer.MAX_VALUE);
        try (TestQueues queues = TestQueues.elasticMq(); FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint());
             SqsClient sqs = SqsClient.builder().endpointOverride(proxy.endpoint()).region(Region.of(ElasticMq.REGION))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                     .httpClient(ApacheHttpClient.create())
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                             .apiCallAttemptTimeout(Duration.ofMillis(500))).build()) {
            TestQueues.Queue q = queues.create("stalled");
            proxy.add(stall);
            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(q.url()).messageBody("never")))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("timeout");
            assertThat(queues.depth(q)).isZero();

            proxy.remove(stall);
            sqs.sendMessage(r -> r.queueUrl(q.url()).messageBody("after"));
            assertThat(queues.bodies(queues.drain(q))).containsExactly("after");
        }
    }

    @Test
    void refusesANonLoopbackUpstream() {
        assertThatThrownBy(() -> FaultProxy.start(URI.create("http://192.0.2.1:9324")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback only");
    }

    private static SendMessageBatchRequestEntry entry(String id) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody("body-" + id).build();
    }
}
