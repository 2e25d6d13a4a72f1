package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.sqsredrive.time.Sleeper;
import org.junit.jupiter.api.Test;

/** The audit log's caller ARN: asked in the background, waited for within a bound, never an error. */
class CallerIdentityTest {

    @Test
    void anAnswerIsTheArn() {
        CallerIdentity id = CallerIdentity.inBackground(() -> Optional.of("arn:aws:iam::123456789012:user/ops"));
        assertThat(id.arnWithin(Duration.ofSeconds(30), Sleeper.real())).contains("arn:aws:iam::123456789012:user/ops");
    }

    @Test
    void aLookupThatFailsOrNeverAnswersIsNoArn() throws Exception {
        assertThat(CallerIdentity.inBackground(() -> {
            throw new IllegalStateException("no credentials");
        }).arnWithin(Duration.ofSeconds(30), Sleeper.real())).isEmpty();
        CountDownLatch never = new CountDownLatch(1);
        CallerIdentity hung = CallerIdentity.inBackground(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("late");
        });
        List<Duration> waited = new ArrayList<>();
        assertThat(hung.arnWithin(CallerIdentity.TIMEOUT, waited::add)).isEmpty();
        assertThat(waited).as("the bound, on the command's clock").containsExactly(CallerIdentity.TIMEOUT);
        never.countDown();
    }

    @Test
    void anEmulatorIsNeverAsked() {
        AwsSettings local = AwsSettings.resolve(null, null, "http://localhost:9324", Duration.ofSeconds(5),
                Duration.ofSeconds(5), Map.of("AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y"));
        assertThat(local.endpoint()).contains(URI.create("http://localhost:9324"));
        assertThat(CallerIdentity.lookUp(local).arnWithin(Duration.ZERO, Sleeper.real())).isEmpty();
    }
}
