package dev.sqsredrive.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.sqsredrive.testing.aws.AwsOptIn.Decision;
import dev.sqsredrive.testing.aws.AwsOptIn.Refuse;
import dev.sqsredrive.testing.aws.AwsOptIn.Run;
import dev.sqsredrive.testing.aws.AwsOptIn.Skip;
import org.junit.jupiter.api.Test;

/** When the AWS suites run, skip or refuse: decided before any request that costs or deletes anything. */
class AwsOptInTest {

    private static final Function<String, String> NO_PROPERTIES = name -> null;
    private final AtomicInteger stsCalls = new AtomicInteger();

    private Supplier<String> caller(String account) {
        return () -> {
            stsCalls.incrementAndGet();
            return account;
        };
    }

    private static Map<String, String> ready() {
        Map<String, String> env = new HashMap<>();
        env.put("REDRIVE_E2E_AWS", "1");
        env.put("AWS_REGION", "eu-west-1");
        env.put("REDRIVE_E2E_AWS_CONFIRM", "123456789012");
        return env;
    }

    @Test
    void notRequestedIsASkipWithOneLineSayingHowToAskAndNeverAsksSts() {
        Decision d = AwsOptIn.decide(Map.of("AWS_REGION", "eu-west-1", "REDRIVE_E2E_AWS_CONFIRM", "123456789012"),
                NO_PROPERTIES, caller("123456789012"));

        assertThat(d).isInstanceOf(Skip.class);
        String reason = ((Skip) d).reason();
        assertThat(reason).doesNotContain("\n").contains("-Paws-e2e", "REDRIVE_E2E_AWS=1");
        assertThat(stsCalls).hasValue(0);
        assertThat(AwsOptIn.decide(Map.of("REDRIVE_E2E_AWS", "0"), NO_PROPERTIES, caller("x"))).isInstanceOf(Skip.class);
    }

    @Test
    void requestedAndConfirmedForTheCallersOwnAccountRuns() {
        assertThat(AwsOptIn.decide(ready(), NO_PROPERTIES, caller("123456789012")))
                .isEqualTo(new Run("123456789012", "eu-west-1"));
    }

    @Test
    void theMavenProfileRequestsItThroughASystemProperty() {
        Map<String, String> env = ready();
        env.remove("REDRIVE_E2E_AWS");
        Function<String, String> profile = name -> name.equals("redrive.e2e.aws") ? "true" : null;

        assertThat(AwsOptIn.decide(env, profile, caller("123456789012"))).isInstanceOf(Run.class);
        assertThat(AwsOptIn.decide(env, name -> "false", caller("123456789012"))).isInstanceOf(Skip.class);
    }

    @Test
    void withoutTheConfirmationVariableItRefusesBeforeAskingSts() {
        Map<String, String> env = ready();
        env.remove("REDRIVE_E2E_AWS_CONFIRM");

        assertRefused(AwsOptIn.decide(env, NO_PROPERTIES, caller("123456789012")), "set REDRIVE_E2E_AWS_CONFIRM");
        assertThat(stsCalls).hasValue(0);
    }

    @Test
    void credentialsOfAnotherAccountThanTheConfirmedOneAreRefused() {
        assertRefused(AwsOptIn.decide(ready(), NO_PROPERTIES, caller("999999999999")),
                "REDRIVE_E2E_AWS_CONFIRM=123456789012 but the credentials are of account 999999999999");
    }

    @Test
    void credentialsStsCannotPlaceAreRefused() {
        Supplier<String> broken = () -> {
            throw new IllegalStateException("Unable to load credentials from any of the providers\nin the chain");
        };
        assertRefused(AwsOptIn.decide(ready(), NO_PROPERTIES, broken), "Unable to load credentials");
    }

    @Test
    void anEndpointOverrideOrNoRegionIsRefused() {
        Map<String, String> emulator = ready();
        emulator.put("AWS_ENDPOINT_URL_SQS", "http://localhost:9324");
        assertRefused(AwsOptIn.decide(emulator, NO_PROPERTIES, caller("123456789012")), "AWS_ENDPOINT_URL_SQS");

        Map<String, String> noRegion = ready();
        noRegion.remove("AWS_REGION");
        assertRefused(AwsOptIn.decide(noRegion, NO_PROPERTIES, caller("123456789012")), "AWS_REGION");
        noRegion.put("AWS_DEFAULT_REGION", "us-west-2");
        assertThat(AwsOptIn.decide(noRegion, NO_PROPERTIES, caller("123456789012")))
                .isEqualTo(new Run("123456789012", "us-west-2"));
    }

    private static void assertRefused(Decision d, String fragment) {
        assertThat(d).isInstanceOf(Refuse.class);
        String reason = ((Refuse) d).reason();
        assertThat(reason).startsWith("refusing the AWS suite: ").contains(fragment).doesNotContain("\n");
    }
}
