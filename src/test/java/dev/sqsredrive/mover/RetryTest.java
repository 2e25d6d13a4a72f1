package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import dev.sqsredrive.mover.sqs.SqsFailures;
import software.amazon.awssdk.core.exception.SdkClientException;

class RetryTest {

    @Test
    void throttlingAndServerFaultsAreRetriedSenderFaultsAreNot() {
        assertThat(retryable(BatchMoverTest.awsError(400, "RequestThrottled"))).isTrue();
        assertThat(retryable(BatchMoverTest.awsError(400, "KMS.ThrottlingException"))).isTrue();
        assertThat(retryable(BatchMoverTest.awsError(500, "InternalError"))).isTrue();
        assertThat(retryable(BatchMoverTest.awsError(503, "ServiceUnavailable"))).isTrue();
        assertThat(retryable(SdkClientException.create("connection reset"))).isTrue();
        assertThat(retryable(BatchMoverTest.awsError(400, "InvalidParameterValue"))).isFalse();
        assertThat(retryable(BatchMoverTest.awsError(403, "AccessDenied"))).isFalse();
        assertThat(new EntryError("RequestThrottled", "", false).retryable()).isTrue();
        assertThat(new EntryError("InvalidMessageContents", "", true).retryable()).isFalse();
    }

    /** SQS stored a copy its answer does not vouch for: a resend would store another. */
    @Test
    void anEntryAnsweredWithMismatchedMd5sIsNotSentAgainAndItsOutcomeIsUnknown() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = new Retry(d -> { }, () -> 0L, SqsFailures.INSTANCE);

        Retry.Outcome out = retry.run(List.of("a", "b"), e -> e, es -> {
            attempts.incrementAndGet();
            return new BatchResult(java.util.Set.of("b"),
                    java.util.Map.of("a", new EntryError(dev.sqsredrive.aws.Md5Checks.MISMATCH, "", false)));
        }, () -> { });

        assertThat(attempts.get()).isEqualTo(1);
        assertThat(out.succeeded()).containsExactly("b");
        assertThat(out.failed()).containsOnlyKeys("a");
        assertThat(out.unanswered()).as("a copy may be in the destination").containsExactly("a");
    }

    @Test
    void backoffGrowsExponentiallyUpToACap() {
        assertThat(Retry.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(Retry.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(Retry.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(Retry.backoff(30)).isEqualTo(Duration.ofSeconds(5));
    }

    /** A call that never answers (each attempt ends in its timeout, 10 s on a fake ticker) stops at the budget. */
    @Test
    void anEndpointThatDoesNotAnswerCostsTheBudgetNotEveryAttempt() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = new Retry(d -> now.addAndGet(d.toNanos()), now::get, Duration.ofSeconds(25), () -> Long.MAX_VALUE,
                SqsFailures.INSTANCE);

        Retry.Outcome out = retry.run(List.of("a"), e -> e, es -> {
            attempts.incrementAndGet();
            now.addAndGet(Duration.ofSeconds(10).toNanos());
            throw SdkClientException.create("read timed out");
        }, () -> { });

        assertThat(attempts.get()).as("attempts at 0 s, 10.1 s and 20.3 s; none after 25 s").isEqualTo(3);
        assertThat(out.failed()).containsKey("a");
        assertThat(out.ambiguous()).isTrue();
    }

    @Test
    void noAttemptStartsAfterTheStopDeadline() throws Exception {
        AtomicLong now = new AtomicLong(Duration.ofSeconds(5).toNanos());
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = new Retry(d -> now.addAndGet(d.toNanos()), now::get, Duration.ofMinutes(1),
                () -> Duration.ofSeconds(4).toNanos(), SqsFailures.INSTANCE);

        Retry.Outcome out = retry.run(List.of("a"), e -> e, es -> {
            attempts.incrementAndGet();
            throw SdkClientException.create("never");
        }, () -> { });

        assertThat(attempts.get()).isZero();
        assertThat(out.failed()).containsKey("a");
    }

    /** Whether the mover retries a call that failed so: the SQS kind's reading of the SDK's exception. */
    private static boolean retryable(RuntimeException e) {
        return SqsFailures.INSTANCE.classify(e).retryable();
    }
}
