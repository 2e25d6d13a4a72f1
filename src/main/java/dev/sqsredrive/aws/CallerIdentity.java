package dev.sqsredrive.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import dev.sqsredrive.time.Sleeper;

import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The caller's ARN for the audit log, asked of STS GetCallerIdentity in the background while the command
 * runs, so that it costs a command no time unless it ends before STS has answered (then it waits at most
 * the bound it is given). Only on AWS: an emulator has no STS, and its identities say nothing.
 */
public final class CallerIdentity {

    /** STS answers in well under a second: a lookup that takes longer is given up, not waited for. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final CompletableFuture<Optional<String>> arn;

    CallerIdentity(CompletableFuture<Optional<String>> arn) {
        this.arn = arn;
    }

    /** No lookup: the endpoint is not AWS. */
    public static CallerIdentity none() {
        return new CallerIdentity(CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Starts the lookup now, on a daemon thread, when the endpoint is AWS. */
    public static CallerIdentity lookUp(AwsSettings settings) {
        if (!Endpoints.isAws(settings.endpoint())) {
            return none();
        }
        // Any commercial region answers for the caller; us-east-1 when none is configured.
        String region = settings.region().orElse("us-east-1");
        return inBackground(() -> Optional.ofNullable(ask(settings, region, min(settings.connectTimeout(), TIMEOUT),
                min(settings.readTimeout(), TIMEOUT)).arn()));
    }

    static CallerIdentity inBackground(Supplier<Optional<String>> lookUp) {
        CompletableFuture<Optional<String>> arn = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                arn.complete(lookUp.get());
            } catch (RuntimeException unknown) {
                arn.complete(Optional.empty()); // no STS answer: the log says who locally, and that is all
            }
        }, "redrive-caller-identity");
        thread.setDaemon(true); // never holds the JVM at exit
        thread.start();
        return new CallerIdentity(arn);
    }

    /**
     * The ARN, waiting for it at most {@code bound} on the command's {@code sleeper}; empty when STS did not
     * answer by then.
     */
    public Optional<String> arnWithin(Duration bound, Sleeper sleeper) {
        CountDownLatch answered = new CountDownLatch(1);
        arn.whenComplete((a, failure) -> answered.countDown());
        try {
            sleeper.sleepUntil(answered, bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return arn.exceptionally(failure -> Optional.empty()).getNow(Optional.empty());
    }

    /** GetCallerIdentity with the command's credentials, in a region, with these timeouts. */
    static GetCallerIdentityResponse ask(AwsSettings settings, String region, Duration connect, Duration read) {
        try (StsClient sts = StsClient.builder().region(Region.of(region))
                .credentialsProvider(CredentialsChoice.of(settings, region))
                .httpClient(ApacheHttpClient.builder().connectionTimeout(connect)
                        .socketTimeout(read).build())
                .build()) {
            return sts.getCallerIdentity();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
