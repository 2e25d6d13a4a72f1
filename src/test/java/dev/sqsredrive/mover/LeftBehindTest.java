package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.time.Sleeper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The count behind INCOMPLETE. What ElasticMQ cannot produce on cue is tested here on scripted counts: its
 * approximate counts are exact, where AWS's lag behind deletes a moment ago, and a count that fails only at
 * the end of a run (the fault proxy cannot tell that call from the earlier ones).
 */
class LeftBehindTest {

    private final List<Duration> slept = new ArrayList<>();
    private final Sleeper sleeper = slept::add;

    @Test
    void whatThisRunHoldsAndCouldNotDeleteIsNotLeftBehind() throws Exception {
        LeftBehind left = LeftBehind.count(counts(62, 62), 10, 2, sleeper, SqsFailures.INSTANCE);

        assertThat(left.count()).isEqualTo(50);
        assertThat(left.any()).isTrue();
        assertThat(left.describe(false)).startsWith("about 50 message(s) still in the DLQ, not moved: in flight");
        assertThat(slept).as("read again once: not falling, so not a lagging count").hasSize(1);
    }

    @Test
    void aCountStillFallingAfterDeletesIsReadAgainUntilItSettles() throws Exception {
        LeftBehind left = LeftBehind.count(counts(40, 12, 0), 0, 0, sleeper, SqsFailures.INSTANCE);

        assertThat(left).isEqualTo(LeftBehind.NONE);
        assertThat(left.any()).isFalse();
        assertThat(left.describe(false)).isNull();
    }

    @Test
    void aCountThatKeepsFallingIsReadAtMostAFewTimes() throws Exception {
        LeftBehind left = LeftBehind.count(counts(90, 80, 70, 60, 50, 40, 30), 0, 0, sleeper, SqsFailures.INSTANCE);

        assertThat(left.count()).isEqualTo(50);
        assertThat(slept).filteredOn(LeftBehind.BETWEEN_READS::equals).hasSize(LeftBehind.MAX_READS - 1);
    }

    @Test
    void aDlqThatCannotBeCountedIsNotClaimedEmpty() throws Exception {
        LongSupplier refused = () -> {
            throw SqsException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("AccessDenied").errorMessage("not allowed").build()).build();
        };

        LeftBehind left = LeftBehind.count(refused, 0, 0, sleeper, SqsFailures.INSTANCE);

        assertThat(left.count()).isNull();
        assertThat(left.any()).isTrue();
        assertThat(left.describe(false)).startsWith("could not count what the DLQ still holds (")
                .contains("selected messages may still be in it");
    }

    @Test
    void theOutcomeIsIncompleteOnlyWhenNothingWeightierHappened() {
        LeftBehind fifty = new LeftBehind(50L, null);
        assertThat(MoveSummary.outcome(StopReason.DRAINED, false, fifty)).isEqualTo(MoveSummary.Outcome.INCOMPLETE);
        assertThat(MoveSummary.outcome(StopReason.DRAINED, true, fifty)).isEqualTo(MoveSummary.Outcome.FAILED);
        assertThat(MoveSummary.outcome(StopReason.CANCELLED, false, fifty)).isEqualTo(MoveSummary.Outcome.CANCELLED);
        assertThat(MoveSummary.outcome(StopReason.LIMIT, false, LeftBehind.NONE))
                .isEqualTo(MoveSummary.Outcome.COMPLETED);
    }

    private static LongSupplier counts(long... values) {
        Deque<Long> left = new ArrayDeque<>();
        for (long v : values) {
            left.add(v);
        }
        return () -> left.size() > 1 ? left.poll() : left.peek();
    }
}
