package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.testing.Deadline;
import org.junit.jupiter.api.Test;
import dev.sqsredrive.mover.sqs.SqsFailures;

/**
 * Held messages never become visible while held, however long a send takes; one whose hold may have lapsed is
 * not sent; on stop they are released. ChangeMessageVisibility failing or hanging at will is scripted
 * ({@link FakeQueueOps}): the clock must stand still between the calls, which a real server's does not.
 */
class HeldMessagesTest {

    private final FakeQueueOps ops = new FakeQueueOps();
    private final AtomicLong now = new AtomicLong();
    private final HeldMessages held = new HeldMessages(ops.endpoint().source("dlq"), now::get,
            Duration.ofSeconds(30), new Retry(new NoBackoff(), () -> 0, SqsFailures.INSTANCE));

    @Test
    void extendsTheVisibilityBeforeHalfOfItIsLeft() throws Exception {
        var hold = held.hold(List.of(FakeQueueOps.msg("a", "x"), FakeQueueOps.msg("b", "y")), 0);
        now.set(Duration.ofSeconds(10).toNanos());
        held.keepAlive();
        assertThat(ops.visibilityChanges).isEmpty();

        now.set(Duration.ofSeconds(16).toNanos()); // a slow send: 14 s of 30 left
        held.keepAlive();
        awaitVisibilityCalls(2);
        assertThat(ops.visibilityChanges).hasSize(2).allSatisfy(c -> assertThat(c.visibilityTimeout()).isEqualTo(30));

        hold.done(List.of(FakeQueueOps.msg("a", "x")));
        now.set(Duration.ofSeconds(40).toNanos());
        keepAliveUntilCalls(3); // once the first extension's answer is in: one call at a time per hold
        assertThat(ops.visibilityChanges).hasSize(3); // only b is still held
        assertThat(ops.visibilityChanges.get(2).receiptHandle()).isEqualTo("rh-b");
    }

    @Test
    void parkedMessagesAreExtendedInLongerStepsAndReleasedAtTheEnd() throws Exception {
        var hold = held.hold(List.of(FakeQueueOps.msg("a", "x")), 0);
        hold.finish(); // left by a filter: parked until the run ends
        now.set(Duration.ofSeconds(20).toNanos());
        held.keepAlive();
        awaitVisibilityCalls(1);
        assertThat(ops.visibilityChanges.get(0).visibilityTimeout())
                .isEqualTo((int) HeldMessages.PARKED_VISIBILITY.toSeconds());

        held.releaseAll(Duration.ofSeconds(5));
        assertThat(ops.visibilityChanges).hasSize(2);
        assertThat(ops.visibilityChanges.get(1).visibilityTimeout()).isZero();
    }

    @Test
    void aFailedExtensionDoesNotCountAsHiddenAndAHoldNearlyUpIsNotSentButReleased() throws Exception {
        Msg a = FakeQueueOps.msg("a", "x");
        var hold = held.hold(List.of(a), 0);
        ops.visibilityError = BatchMoverTest.awsError(503, "ServiceUnavailable");
        now.set(Duration.ofSeconds(16).toNanos());
        held.keepAlive();
        awaitVisibilityCalls(1);
        // the extension failed: 30 s from the receive is all SQS confirmed, so at 21 s (9 s left) it is not sent
        now.set(Duration.ofSeconds(21).toNanos());
        assertThat(hold.claim(List.of(a), null).send()).isEmpty();
        assertThat(ops.visibilityChanges.getLast().visibilityTimeout()).as("released for a later receive").isZero();
        assertThat(hold.empty()).isTrue();
    }

    @Test
    void aConfirmedExtensionCountsFromWhenItWasSentAndALapseAfterASendIsAdmitted() throws Exception {
        Msg a = FakeQueueOps.msg("a", "x");
        var hold = held.hold(List.of(a), 0);
        now.set(Duration.ofSeconds(16).toNanos());
        held.keepAlive(); // sent at 16 s: hidden until 46 s
        now.set(Duration.ofSeconds(35).toNanos());
        Deadline.await(Duration.ofSeconds(5), () -> hold.mayHaveLapsed(List.of(a)) == 0, () -> "the extension");
        assertThat(hold.claim(List.of(a), null).send()).containsExactly(a);
        assertThat(hold.mayHaveLapsed(List.of(a))).isZero();
        now.set(Duration.ofSeconds(47).toNanos()); // the send took 12 s and nothing extended it meanwhile
        assertThat(hold.mayHaveLapsed(List.of(a))).isEqualTo(1);
    }

    @Test
    void aMessageReceivedAgainIsSentByOneHoldOnly() throws Exception {
        Msg a = FakeQueueOps.msg("a", "x");
        Msg aAgain = a.withReceiptHandle("rh-a-2");
        var sending = held.hold(List.of(a), 0);
        assertThat(sending.claim(List.of(a), null).send()).containsExactly(a);
        var later = held.hold(List.of(aAgain), 0);
        assertThat(later.claim(List.of(aAgain), null).send()).as("the first hold is sending it").isEmpty();
        assertThat(later.size()).as("kept hidden, with the fresh receipt handle").isEqualTo(1);

        Msg b = FakeQueueOps.msg("b", "y");
        Msg bAgain = b.withReceiptHandle("rh-b-2");
        var stale = held.hold(List.of(b), 0);
        var fresh = held.hold(List.of(bAgain), 0);
        assertThat(stale.claim(List.of(b), null).send()).as("the older receive lost it").isEmpty();
        assertThat(fresh.claim(List.of(bAgain), null).send()).containsExactly(bAgain);
    }

    @Test
    void keepAliveNeverWaitsForACallAndTheFinalReleaseIsBounded() throws Exception {
        ops.visibilityGate = new CountDownLatch(1); // the endpoint does not answer
        try {
            held.hold(List.of(FakeQueueOps.msg("a", "x")), 0);
            held.hold(List.of(FakeQueueOps.msg("b", "y")), 0);
            now.set(Duration.ofSeconds(16).toNanos());
            long start = System.nanoTime();
            held.keepAlive();
            held.keepAlive();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

            start = System.nanoTime();
            int notReleased = held.releaseAll(Duration.ofMillis(300));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(notReleased).isEqualTo(2);
        } finally {
            ops.visibilityGate.countDown();
        }
    }

    @Test
    void anExtensionStillUnderWayWhenTheRunEndsLandsBeforeTheFinalRelease() throws Exception {
        var hold = held.hold(List.of(FakeQueueOps.msg("a", "x"), FakeQueueOps.msg("b", "y")), 0);
        hold.finish(); // parked: extended by 2 minutes, which would outlast the run
        ops.extensionGate = new CountDownLatch(1); // the extension reaches SQS late
        now.set(Duration.ofSeconds(20).toNanos());
        held.keepAlive();
        Deadline.await(Duration.ofSeconds(5), () -> ops.visibilityCallsArrived.get() == 1, () -> "extension sent");

        var ending = CompletableFuture.supplyAsync(() -> {
            try {
                return held.releaseAll(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // the release reaches SQS first, then the extension lands
        Deadline.await(Duration.ofSeconds(10), () -> lastVisibility("rh-a") != null, () -> "a release sent");
        ops.extensionGate.countDown();

        assertThat(ending.get(10, TimeUnit.SECONDS)).as("not released").isZero();
        assertThat(lastVisibility("rh-a")).as("a's last change: visible again").isZero();
        assertThat(lastVisibility("rh-b")).as("b's last change: visible again").isZero();
    }

    /** The visibility timeout of the last change SQS recorded for this receipt handle, or null. */
    private Integer lastVisibility(String receiptHandle) {
        synchronized (ops) {
            return ops.visibilityChanges.stream().filter(c -> c.receiptHandle().equals(receiptHandle))
                    .reduce((first, second) -> second).map(c -> c.visibilityTimeout()).orElse(null);
        }
    }

    private void keepAliveUntilCalls(int n) {
        Deadline.await(Duration.ofSeconds(5), () -> {
            held.keepAlive();
            return ops.visibilityCalls() >= n;
        }, () -> n + " visibility changes; got " + ops.visibilityCalls());
    }

    private void awaitVisibilityCalls(int n) {
        Deadline.await(Duration.ofSeconds(5), () -> ops.visibilityCalls() >= n,
                () -> n + " visibility changes; got " + ops.visibilityCalls());
    }
}
