package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.time.Sleeper;
import org.junit.jupiter.api.Test;

/**
 * Why and by when a run stops: the reason the summary reports, the grace a release leaves work under way, and
 * which stops wake the waits (a drained DLQ does not: the run may take it back).
 */
class RunStopTest {

    private final AtomicLong now = new AtomicLong(5_000);
    private final List<Duration> slept = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        slept.add(d);
        now.addAndGet(d.toNanos());
    };
    private final RunStop stop = new RunStop(now::get, sleeper, Duration.ofSeconds(3));

    @Test
    void aCancelOverridesDrainedAndStartsTheGrace() {
        stop.stop(StopReason.DRAINED);
        assertThat(stop.stopBy()).as("drained: no deadline for work under way").isEqualTo(Long.MAX_VALUE);

        stop.stop(StopReason.CANCELLED);
        stop.stop(StopReason.LIMIT);

        assertThat(stop.reason()).as("the cancel is what the summary reports").isEqualTo(StopReason.CANCELLED);
        assertThat(stop.stopBy()).isEqualTo(5_000 + Duration.ofSeconds(3).toNanos());
        assertThat(stop.releaseRequested()).isTrue();
    }

    @Test
    void theLimitSetsNoGraceAndReleasesNothing() {
        stop.stop(StopReason.LIMIT);

        assertThat(stop.stopBy()).isEqualTo(Long.MAX_VALUE);
        assertThat(stop.releaseRequested()).isFalse();
        assertThat(stop.unsentStays()).isFalse();
    }

    @Test
    void drainedCanBeTakenBackUnlessSomethingElseStoppedTheRun() {
        stop.stop(StopReason.DRAINED);
        assertThat(stop.takeBackDrained()).isTrue();
        assertThat(stop.reason()).isNull();

        stop.stop(StopReason.DRAINED);
        stop.stop(StopReason.RETURNED);
        assertThat(stop.takeBackDrained()).isFalse();
        assertThat(stop.unsentStays()).as("the breaker: what waits for its turn stays in the DLQ").isTrue();
    }

    @Test
    void aPauseIsCutShortByAStopButNotByDrained() throws Exception {
        stop.stop(StopReason.DRAINED);
        assertThat(stop.await(Duration.ofMillis(200))).as("drained wakes no one").isFalse();
        assertThat(slept).containsExactly(Duration.ofMillis(200));

        stop.stop(StopReason.INTERRUPTED);
        assertThat(stop.await(Duration.ofMillis(200))).isTrue();
        assertThat(slept).as("stopped: no second pause").hasSize(1);
    }

    @Test
    void theFirstErrorIsReportedAndOneAfterTheEndIsNotHeard() {
        stop.fail(new IllegalStateException("first"));
        stop.fail(new IllegalStateException("second"));
        assertThat(stop.fatal()).hasMessage("first");
        assertThat(stop.reason()).isEqualTo(StopReason.FATAL);

        RunStop ended = new RunStop(now::get, sleeper, Duration.ofSeconds(3));
        ended.end();
        ended.fail(new IllegalStateException("a worker left behind"));
        assertThat(ended.fatal()).isNull();
        assertThat(ended.reason()).isNull();
    }
}
