package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrainDetectorTest {

    @Test
    void drainedOnlyWhenEveryWorkersLastReceiveWasEmptyAndNothingIsHeld() {
        DrainDetector d = new DrainDetector(3);
        d.received(0);
        assertThat(d.empty(1)).isFalse();
        assertThat(d.empty(2)).isFalse(); // worker 0 holds a batch (a FIFO group may be waiting behind it)
        d.batchDone();
        assertThat(d.empty(1)).isFalse(); // worker 0 has not come back empty yet
        assertThat(d.empty(0)).isTrue();
        assertThat(d.confirm()).isTrue();
    }

    @Test
    void aBatchThatFinishesAfterTheDeclarationTakesItBack() {
        DrainDetector d = new DrainDetector(2);
        d.empty(0);
        assertThat(d.empty(1)).isTrue();
        d.received(0);  // its receive answered just as the last empty one did
        d.batchDone();
        assertThat(d.confirm()).isFalse();
        assertThat(d.empty(1)).isFalse(); // reset: both must come back empty again
        assertThat(d.empty(0)).isTrue();
    }

    @Test
    void onlyTheWorkersThatMayWorkDecideAndAWaitingOneNeitherBlocksNorFakesIt() {
        java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger(2);
        DrainDetector d = new DrainDetector(4, active::get, () -> 0); // workers 2 and 3 wait for their turn
        d.empty(0);
        assertThat(d.empty(1)).as("the waiting workers 2 and 3 never receive: no wait for them").isTrue();
        d.reset();
        active.set(3);
        d.received(2);
        d.batchDone();
        assertThat(d.empty(0)).isFalse();
        assertThat(d.empty(1)).as("worker 2 received last: the DLQ may hold more").isFalse();
        active.set(2); // worker 2 goes back to waiting before its next receive
        assertThat(d.empty(1)).as("what worker 2 saw last is no longer waited for").isTrue();
    }

    @Test
    void notDrainedWhileThisRunsDeletesAreUnderWay() {
        java.util.concurrent.atomic.AtomicInteger deleting = new java.util.concurrent.atomic.AtomicInteger(1);
        DrainDetector d = new DrainDetector(2, () -> 2, deleting::get);
        d.empty(0);
        assertThat(d.empty(1)).as("a FIFO group may be hidden behind the message being deleted").isFalse();
        deleting.set(0);
        assertThat(d.empty(0)).as("the delete ended and every worker's last receive was empty").isTrue();
    }
}
