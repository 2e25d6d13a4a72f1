package dev.sqsredrive.mover.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.sqsredrive.mover.guard.Canary.Phase;
import org.junit.jupiter.api.Test;

class CanaryTest {

    private final FakeTime time = new FakeTime();

    private Canary canary(int size) {
        return Canary.of(size, Canary.DEFAULT_WAIT, MaxReturned.DEFAULT, time);
    }

    @Test
    void movesNThenWaitsThenGoesOnWhenNoneCameBack() {
        Canary canary = canary(10);
        assertThat(canary.permits()).isEqualTo(10);
        canary.moved(4);
        assertThat(canary.permits()).isEqualTo(6);
        assertThat(canary.viewLine()).isEqualTo("canary: 4 of 10 moved, 0 back");
        canary.moved(6);
        assertThat(canary.phase()).isEqualTo(Phase.WAITING);
        assertThat(canary.permits()).as("nothing more is received while waiting").isZero();
        assertThat(canary.viewLine()).isEqualTo("canary: 10 moved, waiting 1 min, 0 back");
        time.advance(Duration.ofMillis(17_500));
        assertThat(canary.viewLine()).isEqualTo("canary: 10 moved, waiting 43 s, 0 back");
        assertThat(canary.verdict()).isNull();
        time.advance(Duration.ofMillis(42_499));
        assertThat(canary.phase()).isEqualTo(Phase.WAITING);
        time.advance(Duration.ofMillis(1));
        assertThat(canary.phase()).isEqualTo(Phase.PASSED);
        assertThat(canary.permits()).isEqualTo(Long.MAX_VALUE);
        assertThat(canary.verdict()).isEqualTo("canary: none of the 10 messages moved came back within 1 min:"
                + " moving the rest");
    }

    @Test
    void failsAsSoonAsOneComesBackWithoutWaitingOutTheRest() {
        Canary canary = canary(10);
        canary.moved(10);
        time.advance(Duration.ofSeconds(12));
        canary.back(1);
        assertThat(canary.phase()).isEqualTo(Phase.FAILED);
        assertThat(canary.permits()).isZero();
        assertThat(canary.verdict()).isEqualTo("canary: 1 of the 10 messages moved came back to the DLQ within 12 s:"
                + " its consumer is still failing them; the rest stay in the DLQ");
        time.advance(Duration.ofMinutes(5));
        assertThat(canary.phase()).as("a verdict is final").isEqualTo(Phase.FAILED);
    }

    @Test
    void aReturnWhileTheCanaryIsStillMovingFailsItToo() {
        Canary canary = canary(10);
        canary.moved(3);
        canary.back(1);
        assertThat(canary.phase()).isEqualTo(Phase.FAILED);
        assertThat(canary.permits()).isZero();
    }

    @Test
    void withMaxReturnedGivenAsFewBackAsItAllowsForNStillPass() {
        Canary canary = Canary.of(20, Duration.ofSeconds(30), MaxReturned.parse("10%"), time);
        canary.moved(20);
        canary.back(2);
        canary.back(1); // a lower running total (a depth reading that fell) changes nothing
        time.advance(Duration.ofSeconds(30));
        assertThat(canary.phase()).isEqualTo(Phase.PASSED);
        assertThat(canary.verdict()).startsWith("canary: 2 of the 20 messages moved came back within 30 s");
        Canary strict = Canary.of(20, Duration.ofSeconds(30), MaxReturned.parse("off"), time);
        strict.moved(20);
        strict.back(1);
        assertThat(strict.phase()).as("off disables the breaker, not the canary").isEqualTo(Phase.FAILED);
    }

    @Test
    void aDlqWithFewerThanNWaitsOnWhatMovedAndAnEmptyOneOnNothing() {
        Canary canary = canary(10);
        canary.moved(3);
        canary.noMoreToMove();
        assertThat(canary.viewLine()).isEqualTo("canary: 3 moved, waiting 1 min, 0 back");
        Canary empty = canary(10);
        empty.noMoreToMove();
        assertThat(empty.phase()).isEqualTo(Phase.PASSED);
        assertThat(empty.verdict()).isEqualTo("canary: nothing to move");
    }
}
