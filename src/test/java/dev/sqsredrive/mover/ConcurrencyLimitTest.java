package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Which workers may work ({@link ConcurrencyLimit}): a fixed limit lets them all; the others wait for an event. */
class ConcurrencyLimitTest {

    @Test
    void aFixedLimitLetsEveryWorkerWorkAtOnce() throws InterruptedException {
        ConcurrencyLimit fixed = ConcurrencyLimit.fixed(16);
        fixed.awaitTurn(15); // returns: a waiting worker would hang this test
        assertThat(fixed.current()).isEqualTo(16);
        assertThat(fixed.adaptive()).isFalse();
    }

    @Test
    void aWaitingWorkerIsWokenWhenTheLimitRises() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        AdaptiveLimit limit = new AdaptiveLimit(128, null, now::get);
        Thread next = waiting(limit, AdaptiveLimit.START);
        for (int interval = 0; interval < 2; interval++) { // the first is let pass (warm-up); then slow start doubles
            now.addAndGet(AdaptiveLimit.INTERVAL.toNanos());
            for (int c = 0; c < 2 * AdaptiveLimit.START; c++) {
                limit.callEnded(60_000_000, false);
            }
            limit.moved(1000);
        }
        assertThat(limit.current()).isEqualTo(2 * AdaptiveLimit.START);
        next.join(30_000);
        assertThat(next.isAlive()).isFalse();
    }

    @Test
    void aStopWakesEveryWaitingWorkerWithoutTheTickerMoving() throws Exception {
        // time never passes: only the stop can wake them
        AdaptiveLimit still = new AdaptiveLimit(128, null, () -> 42L);
        Thread a = waiting(still, AdaptiveLimit.START + 4);
        Thread b = waiting(still, 127);
        still.stop();
        a.join(30_000);
        b.join(30_000);
        assertThat(a.isAlive()).isFalse();
        assertThat(b.isAlive()).isFalse();
        still.awaitTurn(100); // stopped: passes at once
        still.resume();
        Thread c = waiting(still, 100); // goes on waiting after a stop taken back
        c.interrupt();
        c.join(30_000);
    }

    /** A worker thread waiting its turn; returns once it is seen waiting. */
    private static Thread waiting(ConcurrencyLimit l, int worker) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                l.awaitTurn(worker);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(t.getState()).as("worker " + worker + " waits its turn").isEqualTo(Thread.State.WAITING);
        return t;
    }
}
