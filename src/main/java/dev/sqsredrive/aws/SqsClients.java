package dev.sqsredrive.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The configured SQS clients of one command run, one per region (a cross-region move needs two). Every
 * client gets the same credentials, endpoint, timeouts and retry policy; closing this closes them all.
 */
public final class SqsClients implements AutoCloseable {

    /**
     * Attempts per call: enough to ride out throttling bursts. Throttled answers come back at once and the
     * SDK's backoff between them adds up to at most 1+2+4+8+16 = 31 s, which fits in the call timeout at
     * the default --cli-read-timeout (2 x 30 s); a read timeout below ~16 s trades late throttling retries
     * for failing sooner.
     */
    static final int MAX_ATTEMPTS = 6;
    /**
     * A whole call, retries included, may take this many read timeouts. Without a call timeout a server
     * that accepts connections and never answers held a command for 6 attempts x 30 s, three minutes.
     */
    static final int CALL_TIMEOUT_IN_READ_TIMEOUTS = 2;
    /**
     * The HTTP connections one client may open at once: the client-side mover's calls in flight at its most,
     * one receive ahead, one send and one delete per worker at up to 128 workers (MoverConfig.MAX_CONCURRENCY),
     * 16 visibility extensions and, at a stop, 16 releases beside them, and room for the run's other calls.
     * A call beyond it would wait for a connection (up to the client's 10 s) instead of being made.
     */
    static final int MAX_CALLS_IN_FLIGHT = 3 * 128 + 2 * 16 + 8;
    /** SQS's longest long poll (WaitTimeSeconds). */
    private static final Duration LONGEST_POLL = Duration.ofSeconds(20);

    private final AwsSettings settings;
    private final Map<String, SqsClient> byRegion = new ConcurrentHashMap<>();
    private final Map<String, SqsClient> withoutRetriesByRegion = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timeouts = CallTimeouts.scheduler();

    public SqsClients(AwsSettings settings) {
        this.settings = settings;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** The client for the region this queue lives in (see {@link AwsSettings#regionFor}). */
    public SqsClient forQueue(QueueRef queue) {
        return forRegion(settings.regionFor(queue));
    }

    public SqsClient forRegion(String region) {
        return byRegion.computeIfAbsent(region, r -> build(r, MAX_ATTEMPTS));
    }

    /**
     * A client that makes each call once: for the client-side mover, which retries itself so that it sees
     * every lost answer (a send retried inside the SDK after its answer was lost may have been delivered
     * twice, and the mover must say so).
     */
    public SqsClient withoutRetries(QueueRef queue) {
        return withoutRetriesForRegion(settings.regionFor(queue));
    }

    /** One attempt per call, for callers that retry themselves (a resend may do the same thing twice). */
    public SqsClient withoutRetriesForRegion(String region) {
        return withoutRetriesByRegion.computeIfAbsent(region, r -> build(r, 1));
    }

    /** The client for the configured region, for calls that name no queue. */
    public SqsClient defaultClient() {
        return forRegion(settings.requireRegion());
    }

    private SqsClient build(String region, int maxAttempts) {
        JsonBuffers.shareAcrossThreads();
        var builder = SqsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(CredentialsChoice.of(settings, region))
                // Apache's HttpClient 4.5, which the SDK builds with automatic retries off: one attempt stays
                // one request, so the mover sees every lost answer (docs/MOVER.md).
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(MAX_CALLS_IN_FLIGHT)
                        .connectionTimeout(settings.connectTimeout())
                        // Above the longest attempt (a 20 s long poll plus a read timeout), so that the
                        // attempt timeout, not the socket, decides when to give up: 60 s by default.
                        .socketTimeout(settings.readTimeout().plus(LONGEST_POLL).plusSeconds(10))
                        .build())
                // Our MD5 checks instead of the SDK's, which hash every sent message a second time: see Md5Checks.
                .checksumValidationEnabled(false)
                // These apply to every request, including ReceiveMessage: a long poll (WaitTimeSeconds) needs
                // a per-request attempt timeout above its wait, or the client cuts it off as a hung
                // attempt. The request's overrideConfiguration wins over these: see longPoll().
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(settings.readTimeout())
                        .apiCallTimeout(settings.readTimeout().multipliedBy(CALL_TIMEOUT_IN_READ_TIMEOUTS))
                        .retryStrategy(retryStrategy(maxAttempts))
                        .scheduledExecutorService(timeouts)
                        .addExecutionInterceptor(new Md5Checks())
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The SDK's standard strategy (throttling backs off from 1 s, other faults from 0.1 s). */
    static RetryStrategy retryStrategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
    }

    /**
     * Timeouts for one ReceiveMessage that long-polls for {@code wait} (WaitTimeSeconds, at most 20 s):
     * each attempt may take the wait plus one read timeout, the call twice that. Without this, any wait at
     * or above --cli-read-timeout ends in a timeout on an empty queue. Use as
     * {@code sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)
     * .overrideConfiguration(clients.longPoll(Duration.ofSeconds(20))))}.
     */
    public AwsRequestOverrideConfiguration longPoll(Duration wait) {
        Duration attempt = wait.plus(settings.readTimeout());
        return AwsRequestOverrideConfiguration.builder().apiCallAttemptTimeout(attempt)
                .apiCallTimeout(attempt.multipliedBy(CALL_TIMEOUT_IN_READ_TIMEOUTS)).build();
    }

    @Override
    public void close() {
        byRegion.values().forEach(SqsClient::close);
        byRegion.clear();
        withoutRetriesByRegion.values().forEach(SqsClient::close);
        withoutRetriesByRegion.clear();
        timeouts.shutdownNow(); // the SDK leaves a scheduler it was given to its owner
    }

    /** Timeouts scheduled and neither fired nor cancelled: the calls under way. */
    int timeoutsPending() {
        return timeouts.getQueue().size();
    }
}
