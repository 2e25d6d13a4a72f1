package dev.sqsredrive.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The configured SQS clients of one command run, one per region (a cross-region move needs two). Every
 * client gets the same credentials, endpoint, timeouts and retry policy; closing this closes them all.
 */
public final class SqsClients implements AutoCloseable {

    /** Attempts per call: enough to ride out throttling bursts, few enough to fail within a minute. */
    static final int MAX_ATTEMPTS = 6;
    /** Above the 20 s long poll, so a receive is never cut off by the socket itself. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    static {
        // The JDK keeps only 5 idle connections per host by default; the mover runs more workers than that
        // and would otherwise pay a TLS handshake per call.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    private final AwsSettings settings;
    private final Map<String, SqsClient> byRegion = new ConcurrentHashMap<>();
    private final Map<String, SqsClient> withoutRetriesByRegion = new ConcurrentHashMap<>();

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
        return withoutRetriesByRegion.computeIfAbsent(settings.regionFor(queue), r -> build(r, 1));
    }

    /** The client for the configured region, for calls that name no queue. */
    public SqsClient defaultClient() {
        return forRegion(settings.requireRegion());
    }

    private SqsClient build(String region, int maxAttempts) {
        var builder = SqsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(settings.readTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts).build())
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        Map<String, String> env = settings.env();
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        // Like the AWS CLI: keys in the environment win unless a profile was named explicitly.
        if (settings.profile().isEmpty() && key != null && secret != null) {
            String token = env.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(key, secret)
                    : AwsSessionCredentials.create(key, secret, token));
        }
        var chain = DefaultCredentialsProvider.builder();
        settings.profile().ifPresent(chain::profileName);
        return chain.build();
    }

    @Override
    public void close() {
        byRegion.values().forEach(SqsClient::close);
        byRegion.clear();
        withoutRetriesByRegion.values().forEach(SqsClient::close);
        withoutRetriesByRegion.clear();
    }
}
