package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** The audit log's caller ARN: asked in the background, waited for within a bound, never an error. */
class CallerIdentityTest {

    @Test
    void anAnswerIsTheArn() {
        CallerIdentity id = CallerIdentity.inBackground(() -> Optional.of("arn:aws:iam::123456789012:user/ops"));
        assertThat(id.arnWithin(Duration.ofSeconds(30))).contains("arn:aws:iam::123456789012:user/ops");
    }

    @Test
    void aLookupThatFailsOrNeverAnswersIsNoArn() throws Exception {
        assertThat(CallerIdentity.inBackground(() -> {
            throw new IllegalStateException("no credentials");
        }).arnWithin(Duration.ofSeconds(30))).isEmpty();
        CountDownLatch never = new CountDownLatch(1);
        CallerIdentity hung = CallerIdentity.inBackground(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("late");
        });
        assertThat(hung.arnWithin(Duration.ofMillis(50))).isEmpty();
        never.countDown();
    }

    @Test
    void anEmulatorIsNeverAsked() {
        AwsSettings local = AwsSettings.resolve(null, null, "http://localhost:9324", Duration.ofSeconds(5),
                Duration.ofSeconds(5), Map.of("AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y"));
        assertThat(local.endpoint()).contains(URI.create("http://localhost:9324"));
        assertThat(CallerIdentity.lookUp(local).arnWithin(Duration.ZERO)).isEmpty();
    }
}
