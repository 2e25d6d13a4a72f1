package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class RetryTest {

    @Test
    void throttlingAndServerFaultsAreRetriedSenderFaultsAreNot() {
        assertThat(Retry.retryable(BatchMoverTest.awsError(400, "RequestThrottled"))).isTrue();
        assertThat(Retry.retryable(BatchMoverTest.awsError(400, "KMS.ThrottlingException"))).isTrue();
        assertThat(Retry.retryable(BatchMoverTest.awsError(500, "InternalError"))).isTrue();
        assertThat(Retry.retryable(BatchMoverTest.awsError(503, "ServiceUnavailable"))).isTrue();
        assertThat(Retry.retryable(SdkClientException.create("connection reset"))).isTrue();
        assertThat(Retry.retryable(BatchMoverTest.awsError(400, "InvalidParameterValue"))).isFalse();
        assertThat(Retry.retryable(BatchMoverTest.awsError(403, "AccessDenied"))).isFalse();
        assertThat(Retry.retryable(new EntryError("RequestThrottled", "", false))).isTrue();
        assertThat(Retry.retryable(new EntryError("InvalidMessageContents", "", true))).isFalse();
    }

    @Test
    void backoffGrowsExponentiallyUpToACap() {
        assertThat(Retry.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(Retry.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(Retry.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(Retry.backoff(30)).isEqualTo(Duration.ofSeconds(5));
    }
}
