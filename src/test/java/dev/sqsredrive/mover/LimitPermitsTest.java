package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** --limit as permits: the workers together never move more than the limit, and only what moved counts. */
class LimitPermitsTest {

    @Test
    void withoutALimitEveryAskIsGrantedAndTheLimitIsNeverReached() {
        LimitPermits permits = new LimitPermits(null);

        assertThat(permits.take(10)).isEqualTo(10);
        permits.giveBack(10, 10);
        assertThat(permits.take(10)).isEqualTo(10);
        assertThat(permits.usedUp()).isFalse();
    }

    @Test
    void noMoreThanTheLimitIsHandedOutAtOnce() {
        LimitPermits permits = new LimitPermits(25L);

        assertThat(permits.take(10)).isEqualTo(10);
        assertThat(permits.take(10)).isEqualTo(10);
        assertThat(permits.take(10)).as("the rest of the limit").isEqualTo(5);
        assertThat(permits.take(10)).as("none left for now").isZero();
        assertThat(permits.usedUp()).as("taken is not moved").isFalse();
    }

    @Test
    void whatWasNotMovedIsGivenBackForAnotherReceive() {
        LimitPermits permits = new LimitPermits(10L);
        int taken = permits.take(10);

        permits.giveBack(taken, 7); // 3 failed, or were filtered out

        assertThat(permits.usedUp()).isFalse();
        assertThat(permits.take(10)).isEqualTo(3);
        permits.giveBack(3, 3);
        assertThat(permits.usedUp()).isTrue();
        assertThat(permits.take(10)).isZero();
    }

    @Test
    void aLimitOfZeroMovesNothing() {
        LimitPermits permits = new LimitPermits(0L);

        assertThat(permits.take(10)).isZero();
        assertThat(permits.usedUp()).isTrue();
    }

    @Test
    void workersTakingAtOnceTogetherMoveExactlyTheLimit() throws Exception {
        long limit = 1_003;
        LimitPermits permits = new LimitPermits(limit);
        AtomicLong moved = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                // each receive of 10 moves all but one (the worker's number decides which ones fail)
                for (int round = 0; !permits.usedUp() && round < 1_000_000; round++) {
                    int taken = permits.take(10);
                    int ok = taken == 0 ? 0 : taken - (round + worker) % 2;
                    moved.addAndGet(ok);
                    permits.giveBack(taken, ok);
                }
            }));
        }
        go.countDown();
        for (Thread t : workers) {
            t.join();
        }

        assertThat(moved.get()).isEqualTo(limit);
        assertThat(permits.usedUp()).isTrue();
    }
}
