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

    /** A send: when, and how many messages. */
    private record Send(long at, int messages) {
    }

    /** Workers that reserve a batch, wait as told, send, and come back after cycleNanos. */
    private static List<Send> simulate(double rate, int batch, int workers, long cycleNanos, long durationNanos) {
        return simulate(rate, batch, batch, workers, cycleNanos, durationNanos, 0);
    }

    /** As above, with a bucket of burst tokens and each send delayed by up to jitterNanos (the network). */
    private static List<Send> simulate(double rate, int batch, int burst, int workers, long cycleNanos,
                                       long durationNanos, long jitterNanos) {
        java.util.Random random = new java.util.Random(42);
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(rate, burst, now::get);
        PriorityQueue<long[]> ready = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int w = 0; w < workers; w++) {
            ready.add(new long[] {0});
        }
        List<Send> sends = new ArrayList<>();
        while (true) {
            long[] worker = ready.poll();
            if (worker[0] > durationNanos) {
                return sends;
            }
            now.set(worker[0]);
            Duration wait = limiter.reserve(batch);
            long sendAt = worker[0] + wait.toNanos() + (jitterNanos == 0 ? 0 : random.nextLong(jitterNanos));
            sends.add(new Send(sendAt, batch));
            worker[0] = sendAt + cycleNanos;
            ready.add(worker);
        }
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
    void aLateWorkerDoesNotSlowTheOthersDown() {
        // Sends go out up to 30 ms late (a busy machine); the schedule they were reserved on does not move.
        List<Send> sends = simulate(500, 10, 10, 16, 1_000_000, 60 * SECOND, 30_000_000);
        double achieved = sends.stream().filter(s -> s.at() < 60 * SECOND).mapToInt(Send::messages).sum() / 60.0;
        assertThat(achieved).isBetween(0.99 * 500, 1.01 * 500);
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

    @Test
    void refusesNonPositiveRates() {
        assertThatThrownBy(() -> new RateLimiter(0, 10, () -> 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(-1, 10, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
