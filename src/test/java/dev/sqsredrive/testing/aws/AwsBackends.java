package dev.sqsredrive.testing.aws;

import dev.sqsredrive.testing.ServerTraits;
import org.junit.jupiter.api.Assumptions;
import org.junit.platform.commons.PreconditionViolationException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Connects to the AWS account the environment opts in to ({@link AwsOptIn}), with the default credentials. */
public final class AwsBackends {

    private AwsBackends() {
    }

    /** The skip's reason when nobody asked for the AWS suites; empty when they were asked for. */
    public static java.util.Optional<String> notRequested() {
        AwsOptIn.Decision decision = AwsOptIn.decide(System.getenv(), System::getProperty, () -> {
            throw new IllegalStateException("not asked yet"); // refused, not skipped: decided in fromEnvironment
        });
        return decision instanceof AwsOptIn.Skip skip ? java.util.Optional.of(skip.reason()) : java.util.Optional.empty();
    }

    /** Connects, or refuses with one line; a run not asked for never gets here (see {@link #notRequested}). */
    public static E2eBackend fromEnvironment() {
        AwsOptIn.Decision decision = AwsOptIn.decide(System.getenv(), System::getProperty,
                () -> callerAccount(System.getenv().getOrDefault("AWS_REGION", System.getenv("AWS_DEFAULT_REGION"))));
        return switch (decision) {
            case AwsOptIn.Skip skip -> {
                Assumptions.abort(skip.reason());
                throw new AssertionError("unreachable: abort throws");
            }
            case AwsOptIn.Refuse refuse -> throw new PreconditionViolationException(refuse.reason());
            case AwsOptIn.Run run -> new E2eBackend("AWS", SqsClient.builder().region(Region.of(run.region()))
                    .httpClient(ApacheHttpClient.create()).build(), null, run.region(), run.account(),
                    ServerTraits.AWS);
        };
    }

    private static String callerAccount(String region) {
        try (StsClient sts = StsClient.builder().region(Region.of(region))
                .httpClient(ApacheHttpClient.create()).build()) {
            return sts.getCallerIdentity().account();
        }
    }
}
