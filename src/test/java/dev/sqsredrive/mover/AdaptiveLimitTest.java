package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

/** The adaptive limit on a ticker the test moves: each interval's throughput and latency follow a model. */
class AdaptiveLimitTest {

    private static final long INTERVAL = AdaptiveLimit.INTERVAL.toNanos();

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private AdaptiveLimit limit = new AdaptiveLimit(128, null, now::get);

    @Test
    void startsAtSixteenAndDoublesWhileTheThroughputRisesUpToItsBound() {
        assertThat(limit.current()).isEqualTo(16);
        assertThat(limit.max()).isEqualTo(128);
        List<Integer> seen = run(20, w -> 250.0 * w, w -> 60); // a far endpoint: each worker adds its share
        // each doubling is judged on the interval after the one it began in (whose calls began partly before it);
        // the first interval, the run's warm-up, is not judged either
        assertThat(seen.subList(0, 8)).containsExactly(16, 16, 32, 32, 64, 64, 128, 128);
        assertThat(seen.subList(8, seen.size())).containsOnly(128); // never above the bound
        assertThat(limit.peak()).isEqualTo(128);
    }

    @Test
    void underARateItStartsFromFourAndDoublesWhileThatPays() {
        limit = new AdaptiveLimit(128, 100_000.0, now::get); // a rate the workers stay below: slow start's climb
        List<Integer> seen = run(10, w -> 250.0 * w, w -> 60);
        assertThat(seen).containsExactly(4, 4, 8, 8, 16, 16, 32, 32, 64, 64);
        assertThat(new AdaptiveLimit(128, null, now::get).current()).as("no --rate").isEqualTo(16);
        assertThat(new AdaptiveLimit(8, null, now::get).current()).as("never above the bound").isEqualTo(8);
    }

    @Test
    void onTheMeasuredSixtyMillisecondCurveItsFirstTwoSecondsMoveNineTenthsOfAFixed64() {
        // A 20,000-message run under +60 ms lasts about six seconds: from 4 workers, the climb to 64 took eight
        // intervals, and those two seconds moved 0.66 of what a fixed 64 moved in them (seen: 0.83 of it over
        // the whole run). The curve of onTheMeasuredSixtyMillisecondCurveItReachesNineTenthsOfAFixed64.
        IntToDoubleFunction latency = w -> 41 + 3.35 * w;
        IntToDoubleFunction perSecond = w -> 10_000.0 * w / latency.applyAsDouble(w);
        List<Integer> seen = run(8, perSecond, latency);
        double moved = seen.stream().mapToDouble(perSecond::applyAsDouble).sum();
        assertThat(moved / (8 * perSecond.applyAsDouble(64))).as("%s", seen).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void holdsWithinOneStepOfWhereTheThroughputStopsRising() {
        // a slow destination: the calls stay fast, the messages counted stop rising at 20 workers
        List<Integer> seen = run(60, w -> 250.0 * Math.min(w, 20), w -> 60);
        // slow start overshoots once (64 bought nothing over 32), then probes of 1.5× are taken back
        assertThat(seen.subList(20, 60)).allSatisfy(w -> assertThat(w).isBetween(20, (int) (20 * AdaptiveLimit.STEP * 2)));
        assertThat(seen.subList(20, 60)).contains(32);
    }

    @Test
    void onTheMeasuredSixtyMillisecondCurveItReachesNineTenthsOfAFixed64() {
        // +60 ms per call on the shared two-core machine (docs/PERFORMANCE.md, issue 20's final tree): 16 fixed
        // workers moved 1,681 msg/s, 64 moved 2,492. Each worker's batch of 10 takes 41 ms plus 3.35 ms per
        // worker (the CPU's queue): throughput = 10 × workers / latency (Little's law), each worker adding
        // less the more there are, yet 64 still well above 21, where the old rule settled.
        IntToDoubleFunction latency = w -> 41 + 3.35 * w;
        IntToDoubleFunction perSecond = w -> 10_000.0 * w / latency.applyAsDouble(w);
        double fixed64 = perSecond.applyAsDouble(64);
        List<Integer> seen = run(80, perSecond, latency);
        assertThat(seen.subList(30, 80)).allSatisfy(
                w -> assertThat(perSecond.applyAsDouble(w)).as("%d workers", w).isGreaterThanOrEqualTo(0.9 * fixed64));
        // past 64 a step no longer pays: slow start's 128 is taken back, and so is each later probe
        assertThat(seen.subList(20, 80)).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(96));
    }

    @Test
    void callsBegunBeforeAStepDoNotMakeItLookPaid() {
        // The +60 ms curve again, measured as real calls are: right after a step the latency is still the old
        // one and the new workers' first batches add a burst, so that interval would call every step paid
        // and run the workers to the bound (seen: 16 -> 26 -> 62 -> 128 within ten seconds).
        IntToDoubleFunction latency = w -> 41 + 3.35 * w;
        IntToDoubleFunction perSecond = w -> 10_000.0 * w / latency.applyAsDouble(w);
        double fixed64 = perSecond.applyAsDouble(64);
        List<Integer> seen = runLagged(120, perSecond, latency, 0.15);
        assertThat(seen.subList(30, 120)).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(96));
        assertThat(seen.subList(30, 120)).allSatisfy(
                w -> assertThat(perSecond.applyAsDouble(w)).as("%d workers", w).isGreaterThanOrEqualTo(0.9 * fixed64));
    }

    @Test
    void whileTheLatencyStaysFlatItClimbsToTheKneeAndStaysThere() {
        // a far endpoint: the round trip is the limit up to 64 workers, the CPU beyond (latency ∝ workers)
        IntToDoubleFunction latency = w -> 60.0 * Math.max(w, 64) / 64;
        List<Integer> seen = run(80, w -> 10_000.0 * w / latency.applyAsDouble(w), latency);
        assertThat(seen.subList(20, 80)).allSatisfy(w -> assertThat(w).isBetween(64, 96));
        assertThat(seen.subList(20, 80)).contains(64);
    }

    @Test
    void aRateThatHoldsTheThroughputKeepsTheWorkersFew() {
        limit = new AdaptiveLimit(128, 1000.0, now::get);
        List<Integer> seen = run(60, w -> 1000, w -> 5); // --rate 1000: more workers only wait for it
        // one probe of 1.5× every few intervals, each taken back
        assertThat(seen.subList(10, 60)).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(6));
    }

    @Test
    void aThrottledCallCutsToSevenTenthsOncePerIntervalNeverBelowTheMinimum() {
        run(4, w -> 250.0 * w, w -> 60); // 16, 16, 32, 32: then 64
        assertThat(limit.current()).isEqualTo(64);
        limit.callEnded(1_000_000, true);
        assertThat(limit.current()).isEqualTo(44); // 64 × 0.7
        limit.callEnded(1_000_000, true);
        assertThat(limit.current()).as("the same burst of throttling is one signal").isEqualTo(44);
        for (int i = 0; i < 30; i++) {
            now.addAndGet(INTERVAL);
            limit.callEnded(1_000_000, true);
        }
        assertThat(limit.current()).isEqualTo(1);
        assertThat(limit.peak()).isEqualTo(64);
    }

    @Test
    void aThrottledCutIsNotReadAgainAsQueueingByTheFallItCauses() {
        run(4, w -> 250.0 * w, w -> 10); // 16, 16, 32, 32: then 64
        now.addAndGet(INTERVAL);
        for (int c = 0; c < 128; c++) {
            limit.callEnded(10_000_000, false);
        }
        limit.callEnded(1_000_000, true); // throttled late in an interval that 64 workers moved
        assertThat(limit.current()).isEqualTo(44);
        limit.moved(4000);
        // SQS's calls slow threefold while it throttles, and 44 workers move less than 64 did, by design:
        // compared with the interval the throttling ended, that read as queueing and cut again, to 30
        List<Integer> after = run(4, w -> 250.0 * w, w -> 30);
        assertThat(after).as("one throttling, one cut").containsOnly(44);
    }

    @Test
    void aLatencyRiseWhileTheThroughputFallsCutsOncePerDoubling() {
        run(40, w -> 250.0 * Math.min(w, 20), w -> 10);
        int settled = limit.current();
        run(1, w -> 200.0 * Math.min(w, 20), w -> 50); // the calls queue: 5× the best latency, 20 % less moved
        assertThat(limit.current()).isEqualTo((int) Math.floor(settled * AdaptiveLimit.BACK_OFF));
        List<Integer> after = run(3, w -> 150.0 * Math.min(w, 20), w -> 50);
        assertThat(after).as("the same latency again is no new signal").allSatisfy(
                w -> assertThat(w).isGreaterThanOrEqualTo((int) Math.floor(settled * AdaptiveLimit.BACK_OFF)));
    }

    @Test
    void onACpuBoundServerTheWorkersSettleInsteadOfRunningAway() {
        // The CPU is the limit (two cores, the server on them): throughput flat beyond 6 workers, latency
        // growing with the workers (Little's law). From 16 nothing takes it lower (no step down without a cut:
        // the latency grows with the workers, but nothing is moved less), and no step up is kept.
        List<Integer> seen = run(80, w -> 500.0 * Math.min(w, 6), w -> 2.0 * Math.max(w, 6) / 6);
        assertThat(seen.subList(20, 80)).allSatisfy(w -> assertThat(w).isBetween(16, 24));
        assertThat(seen.subList(20, 80)).contains(16);
    }

    @Test
    void onACpuBoundServerUnderARateTheWorkersSettleNearWhereItRunsOut() {
        limit = new AdaptiveLimit(128, 100_000.0, now::get); // from 4, as a run under --rate starts
        List<Integer> seen = run(80, w -> 500.0 * Math.min(w, 6), w -> 2.0 * Math.max(w, 6) / 6);
        assertThat(seen.subList(20, 80)).allSatisfy(w -> assertThat(w).isBetween(4, 12));
    }

    @Test
    void onTheMeasuredTwentyMillisecondCurveItStaysNearWhereTheCpuRunsOut() {
        // +20 ms per call on the shared two-core machine: 16 and 64 fixed workers moved the same (2,688 and
        // 2,728 msg/s): the CPU is the limit from about 10 workers, beyond which the latency grows with them.
        IntToDoubleFunction latency = w -> Math.max(36, 3.7 * w);
        List<Integer> seen = run(80, w -> 10_000.0 * w / latency.applyAsDouble(w), latency);
        assertThat(seen.subList(20, 80)).allSatisfy(w -> assertThat(w).isBetween(8, 24));
    }

    @Test
    void theRunsFirstIntervalIsNotTheBaselineOfItsFirstDoubling() {
        // The +20 ms curve, whose first interval is the JVM's and the connections' warm-up: half the messages,
        // twice the latency. Against it the first doubling looked paid (seen: 16 -> 32 -> 64 under +20 ms,
        // where 16 moved as fast), and nothing took it back.
        IntToDoubleFunction latency = w -> Math.max(36, 3.7 * w);
        long firstEnds = now.get() + INTERVAL;
        List<Integer> seen = run(40, w -> 10_000.0 * w / latency.applyAsDouble(w) / (now.get() == firstEnds ? 2 : 1),
                w -> latency.applyAsDouble(w) * (now.get() == firstEnds ? 2 : 1));
        assertThat(seen.subList(10, 40)).allSatisfy(w -> assertThat(w).isBetween(16, 24));
    }

    @Test
    void aNoisyCountDoesNotRatchetTheWorkersUpWhereTheCpuRunsOut() {
        // The +20 ms curve, its quarter-second counts swinging by a tenth either way as on the loaded machine:
        // a probe the noise happened to favour must not be kept (seen: 99 workers, moving less than 16)
        IntToDoubleFunction latency = w -> Math.max(36, 3.7 * w);
        java.util.Random noise = new java.util.Random(20);
        List<Integer> seen = run(200, w -> 10_000.0 * w / latency.applyAsDouble(w) * (0.9 + 0.2 * noise.nextDouble()),
                latency);
        assertThat(seen.subList(20, 200)).allSatisfy(w -> assertThat(w).isBetween(8, 24));
    }

    @Test
    void aLatencyRiseWhileTheThroughputStillRisesIsNoReasonToCut() {
        // +20 ms on a busy machine: each worker more lengthens the calls, and still moves more
        List<Integer> seen = run(40, w -> 250.0 * w, w -> 20.0 + w);
        assertThat(seen.subList(0, 6)).containsExactly(16, 16, 32, 32, 64, 64);
        assertThat(seen.subList(6, 40)).as("never cut below where it got").allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(64));
    }

    /**
     * As {@link #run}, but as real calls are measured: right after a change, the calls that ended began before
     * it (their latency is the old workers'), while the workers just added move their first batches at once
     * (a burst of {@code fill} over the new workers' steady rate).
     */
    private List<Integer> runLagged(int intervals, IntToDoubleFunction perSecond, IntToDoubleFunction latencyMillis,
                                    double fill) {
        List<Integer> seen = new ArrayList<>();
        int before = limit.current();
        for (int i = 0; i < intervals; i++) {
            int workers = limit.current();
            seen.add(workers);
            now.addAndGet(INTERVAL); // first: a curve may read the time
            interval(workers, latencyMillis.applyAsDouble(before),
                    perSecond.applyAsDouble(workers) * (workers > before ? 1 + fill : 1));
            before = workers;
        }
        return seen;
    }

    /** Runs intervals in which the workers allowed move {@code perSecond} with calls of {@code latencyMillis}. */
    private List<Integer> run(int intervals, IntToDoubleFunction perSecond, IntToDoubleFunction latencyMillis) {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            int workers = limit.current();
            seen.add(workers);
            now.addAndGet(INTERVAL); // first: a curve may read the time
            interval(workers, latencyMillis.applyAsDouble(workers), perSecond.applyAsDouble(workers));
        }
        return seen;
    }

    /** The end of an interval: two calls per working worker, each of {@code latencyMillis}, and what they moved. */
    private void interval(int workers, double latencyMillis, double perSecond) {
        long callNanos = Math.round(latencyMillis * 1e6);
        for (int c = 0; c < 2 * workers; c++) {
            limit.callEnded(callNanos, false);
        }
        limit.moved((int) Math.round(perSecond * INTERVAL / 1e9));
    }
}
