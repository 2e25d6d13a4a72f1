package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.sqsredrive.mover.MoveSummary.Outcome;
import org.junit.jupiter.api.Test;

/**
 * How a move's end reads to the operator: which outcome (and so which exit code) wins when several apply,
 * how many failed, and the rate achieved while moving.
 */
class MoveSummaryTest {

    private static final LeftBehind LEFT = new LeftBehind(3L, null);
    private static final LeftBehind UNKNOWN = new LeftBehind(null, "the DLQ's depth could not be read");

    @Test
    void aStopAskedForWinsThenAFailureThenWhatIsLeftBehind() {
        assertThat(MoveSummary.outcome(StopReason.CANCELLED, true, LEFT)).isEqualTo(Outcome.CANCELLED);
        assertThat(MoveSummary.outcome(StopReason.INTERRUPTED, true, LEFT)).isEqualTo(Outcome.INTERRUPTED);
        assertThat(MoveSummary.outcome(StopReason.DRAINED, true, LEFT)).isEqualTo(Outcome.FAILED);
        assertThat(MoveSummary.outcome(StopReason.DRAINED, false, LEFT)).isEqualTo(Outcome.INCOMPLETE);
        assertThat(MoveSummary.outcome(StopReason.DRAINED, false, UNKNOWN)).as("none could be counted")
                .isEqualTo(Outcome.INCOMPLETE);
        assertThat(MoveSummary.outcome(StopReason.DRAINED, false, LeftBehind.NONE)).isEqualTo(Outcome.COMPLETED);
        assertThat(MoveSummary.outcome(StopReason.LIMIT, false, LeftBehind.NONE)).as("--limit reached")
                .isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void failedIsEveryReasonTogetherAndTheRateIsOverTheTimeSpentMoving() {
        MoveSummary s = new MoveSummary(Outcome.FAILED,
                new MoveSummary.Counts(300, 2, 1, 0, 0, Map.of("too large", 4L, "AccessDenied", 3L)),
                new MoveSummary.Timing(Duration.ofSeconds(12), Duration.ofSeconds(10)), LeftBehind.NONE, null, null);

        assertThat(s.failed()).isEqualTo(7);
        assertThat(s.achievedRate()).as("the final empty receives are not moving").isEqualTo(30.0);
        assertThat(s.copy()).isFalse();
    }

    @Test
    void nothingMovedInNoTimeIsARateOfZero() {
        MoveSummary s = new MoveSummary(Outcome.COMPLETED, MoveSummary.Counts.moved(0), MoveSummary.Timing.NONE,
                LeftBehind.NONE, null, null);

        assertThat(s.achievedRate()).isZero();
        assertThat(s.failed()).isZero();
    }
}
