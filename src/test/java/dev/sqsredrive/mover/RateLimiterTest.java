package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket on a fake clock: several workers, simulated time, every one-second window checked. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long RESERVE = 0;
    private static final long ADMIT = 1;
    private static final long SENT = 2;

    /** A send: when, and how many messages. */
    private record Send(long at, int messages) {
    }

    /** Workers that reserve a batch, wait as told, send, and come back after cycleNanos. */
    private static List<Send> simulate(double rate, int batch, int workers, long cycleNanos, long durationNanos) {
        return simulate(rate, batch, batch, workers, cycleNanos, durationNanos, 0, 0, 0);
    }

    /**
     * As above, with a bucket of burst tokens, and every wake-up from a wait up to lateNanos late (a busy
     * machine, a GC): a worker reserves, sleeps, wakes late, asks admit() (sleeping again, late again, as long
     * as it says so) and sends the moment it is admitted, as the mover does. The run's first send takes
     * firstSendNanos to reach the server, and the sends started meanwhile arrive with it (they wait on the same
     * class loading and connection); the others take up to sendNanos, and reach the server anywhere in that
     * time. Each send then reports sent().
     */
    private static List<Send> simulate(double rate, int batch, int burst, int workers, long cycleNanos,
                                       long durationNanos, long lateNanos, long firstSendNanos, long sendNanos) {
        java.util.Random random = new java.util.Random(42);
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(rate, burst, now::get);
        // {time of the worker's next step, the step: RESERVE, ADMIT or SENT}
        PriorityQueue<long[]> ready = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int w = 0; w < workers; w++) {
            ready.add(new long[] {0, RESERVE});
        }
        List<Send> sends = new ArrayList<>();
        long firstSendDone = -1;
        java.util.Map<long[], RateLimiter.Admission> underWay = new java.util.IdentityHashMap<>();
        java.util.Map<long[], Long> arrival = new java.util.IdentityHashMap<>();
        while (true) {
            long[] worker = ready.poll();
            if (worker[0] > durationNanos) {
                return sends;
            }
            now.set(worker[0]);
            if (worker[1] == SENT) {
                sends.add(new Send(arrival.remove(worker), batch));
                limiter.sent(underWay.remove(worker));
                worker[0] += cycleNanos;
                worker[1] = RESERVE;
            } else {
                RateLimiter.Admission admission = worker[1] == RESERVE ? null : limiter.admit(batch);
                Duration wait = admission == null ? limiter.reserve(batch) : admission.waitFor();
                if (admission != null && admission.admitted()) {
                    underWay.put(worker, admission);
                    if (firstSendDone < 0) {
                        firstSendDone = worker[0] + firstSendNanos;
                    }
                    long admitted = worker[0];
                    worker[0] = Math.max(worker[0], firstSendDone); // the ones sent meanwhile wait on it too
                    worker[0] += sendNanos == 0 ? 0 : random.nextLong(sendNanos);
                    arrival.put(worker, worker[0] == admitted ? admitted : random.nextLong(admitted, worker[0] + 1));
                    worker[1] = SENT;
                } else {
                    worker[0] += wait.isZero() ? 0 : wait.toNanos() + (lateNanos == 0 ? 0 : random.nextLong(lateNanos));
                    worker[1] = ADMIT;
                }
            }
            ready.add(worker);
        }
    }

    /** Messages a second over the first {@code seconds} of the run. */
    private static double rateInFirst(List<Send> sends, int seconds) {
        return sends.stream().filter(s -> s.at() < seconds * SECOND).mapToInt(Send::messages).sum() / (double) seconds;
    }

    /** The mover's two targets: no second above rate + one batch (10), and the long-run rate within ±2 %. */
    private static void assertAtMostRatePlusOneBatchAndWithinTwoPercent(List<Send> sends, int rate, int seconds) {
        assertThat(maxInAnyWindow(sends, SECOND)).isLessThanOrEqualTo(rate + 10);
        assertThat(rateInFirst(sends, seconds)).isBetween(0.98 * rate, 1.02 * rate);
    }

    private static int maxInAnyWindow(List<Send> sends, long window) {
        int max = 0;
        for (Send start : sends) {
            int sum = 0;
            for (Send s : sends) {
                if (s.at() >= start.at() && s.at() < start.at() + window) {
                    sum += s.messages();
                }
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    @Test
    void neverMoreThanTheRatePlusOneBatchInAnySecond() {
        List<Send> sends = simulate(50, 10, 8, 1_000_000, 30 * SECOND);
        assertThat(maxInAnyWindow(sends, SECOND)).isLessThanOrEqualTo(50 + 10);
    }

    @Test
    void aWorkerThatWakesLateNeverPushesASecondOverTheRatePlusOneBatch() {
        // 16 workers at 500 msg/s, every wake-up up to 30 ms late: on one fixed schedule alone, a late send
        // lands in the same second as the next one on time (the benchmark saw 520 in one second).
        List<Send> sends = simulate(500, 10, 10, 16, 1_000_000, 60 * SECOND, 30_000_000, 0, 0);
        assertThat(maxInAnyWindow(sends, SECOND)).isLessThanOrEqualTo(500 + 10);
    }

    @Test
    void sendsThatTakeTheirTimeStillReachTheServerAtNoMoreThanTheRatePlusOneBatch() {
        // each send takes up to 15 ms and reaches the server anywhere in that time; wake-ups up to 30 ms late
        List<Send> sends = simulate(500, 10, 10, 16, 1_000_000, 60 * SECOND, 30_000_000, 0, 15_000_000);
        assertAtMostRatePlusOneBatchAndWithinTwoPercent(sends, 500, 60);
    }

    @Test
    void aLateWorkerDoesNotSlowTheOthersDown() {
        // the same late wake-ups: the schedule they were reserved on does not move, so the rate holds
        List<Send> sends = simulate(500, 10, 10, 16, 1_000_000, 60 * SECOND, 30_000_000, 0, 0);
        double achieved = rateInFirst(sends, 60);
        assertThat(achieved).isBetween(0.99 * 500, 1.01 * 500);
    }

    @Test
    void aLongStallIsNotMadeUpForInABurst() {
        // every wake-up up to 300 ms late, at 100 msg/s in batches of 10
        List<Send> sends = simulate(100, 10, 10, 4, 1_000_000, 60 * SECOND, 300_000_000, 0, 0);
        assertAtMostRatePlusOneBatchAndWithinTwoPercent(sends, 100, 60); // the time lost is made up, a batch a second
    }

    @Test
    void theSendsQueuedBehindASlowFirstOneDoNotBunch() {
        // the process's first request takes 200 ms (class loading, a new connection) while the others wait
        List<Send> sends = simulate(500, 10, 10, 16, 1_000_000, 30 * SECOND, 0, 200_000_000, 0);
        assertAtMostRatePlusOneBatchAndWithinTwoPercent(sends, 500, 30);
    }

    @Test
    void holdsTheRequestedRateOverALongRun() {
        List<Send> sends = simulate(50, 10, 8, 2_000_000, 120 * SECOND);
        long lastSecond = sends.get(sends.size() - 1).at();
        int total = sends.stream().mapToInt(Send::messages).sum();
        double achieved = total / (lastSecond / 1e9);
        assertThat(achieved).isBetween(49.0, 51.0);
    }

    @Test
    void slowFractionalRatesWork() {
        List<Send> sends = simulate(0.5, 1, 4, 1_000_000, 60 * SECOND);
        assertThat(maxInAnyWindow(sends, 10 * SECOND)).isLessThanOrEqualTo(5 + 1);
        int inFirstMinute = sends.stream().filter(s -> s.at() < 60 * SECOND).mapToInt(Send::messages).sum();
        assertThat(inFirstMinute).isBetween(29, 30); // 0.5/s for 60 s
    }

    @Test
    void unusedTokensComeBackButNeverBeyondOneBatch() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, 10, now::get);
        assertThat(limiter.reserve(10)).isEqualTo(Duration.ofSeconds(1)); // starts empty: no burst at the start
        now.addAndGet(SECOND);
        limiter.refund(10);                    // the receive came back empty
        assertThat(limiter.reserve(10)).isZero();
        now.addAndGet(100 * SECOND);           // idle for long: the bucket holds one batch, not 1000 tokens
        assertThat(limiter.reserve(10)).isZero();
        assertThat(limiter.reserve(10)).isEqualTo(Duration.ofSeconds(1));
    }

    /**
     * A worker whose turn is held up by a send still under way (a slow endpoint) is told to come back when that
     * send can leave the second, not every few milliseconds; it still goes exactly a second after it ended.
     */
    @Test
    void aSendStillUnderWayIsWaitedOutInAFewStepsAndTheNextGoesASecondAfterItEnded() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1, 10, now::get);
        now.set(10 * SECOND); // the bucket full
        assertThat(limiter.reserve(10)).isZero();
        RateLimiter.Admission slow = limiter.admit(10);
        assertThat(slow.admitted()).isTrue();
        now.set(20 * SECOND);
        assertThat(limiter.reserve(10)).isZero();
        long slowEnds = 23 * SECOND; // the endpoint answers the first send 13 s after it went

        int asks = 1;
        RateLimiter.Admission next = limiter.admit(10);
        for (; !next.admitted() && asks < 10_000; asks++) {
            long askAgain = now.get() + next.waitFor().toNanos();
            if (now.get() < slowEnds && askAgain >= slowEnds) {
                now.set(slowEnds);
                limiter.sent(slow);
            }
            now.set(askAgain);
            next = limiter.admit(10);
        }

        assertThat(next.admitted()).isTrue();
        assertThat(now.get()).as("admitted a second after the slow send ended").isEqualTo(slowEnds + SECOND);
        assertThat(asks).as("times the worker asked").isLessThanOrEqualTo(5);
    }

    @Test
    void refusesNonPositiveRates() {
        assertThatThrownBy(() -> new RateLimiter(0, 10, () -> 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(-1, 10, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
