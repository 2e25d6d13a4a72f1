package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.mover.guard.Canary;
import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.mover.guard.ReturnBreaker;
import org.junit.jupiter.api.Test;

/**
 * The one-pass rule (docs/MOVER.md, "Safe redrive") on a fake clock: a message this run moved that is
 * received again came back, is counted once and is not moved again; the breaker and the canary read those
 * counts.
 */
class OnePassTest {

    private final RunLedger ledger = new RunLedger(true);
    private final AtomicLong now = new AtomicLong(1_000);

    private OnePass onePass(String maxReturned, Canary canary, boolean copy) {
        return new OnePass(ledger, new ReturnBreaker(MaxReturned.parse(maxReturned)), canary, now::get, copy);
    }

    private static Msg msg(String id) {
        return FakeQueueOps.msg(id, "body of " + id);
    }

    /** What the send stage tells the one-pass rule and the ledger when the destination confirms messages. */
    private void moved(OnePass p, Msg... ms) {
        for (Msg m : ms) {
            p.moved(m, null);
        }
        ledger.sent(ms.length, RunLedger.Outcome.CERTAIN, false);
        p.movedCount(ms.length);
    }

    @Test
    void aMovedMessageReceivedAgainCameBackAndIsCountedOnceHoweverOftenItIsSeen() {
        OnePass p = onePass("off", null, false);
        Msg a = msg("a");
        moved(p, a);

        assertThat(p.cameBack(msg("a"))).isTrue();
        assertThat(p.cameBack(msg("a"))).as("a FIFO message released at once comes straight back").isTrue();
        assertThat(ledger.returned()).isEqualTo(1);
        assertThat(p.cameBack(msg("never-moved"))).isFalse();
        assertThat(ledger.returned()).isEqualTo(1);
    }

    @Test
    void theMessageIdTheDestinationGaveIsRecognisedWhenItsConsumerFailsItBackToTheDlq() {
        OnePass p = onePass("off", null, false);
        p.moved(msg("a"), "given-by-orders");

        assertThat(p.cameBack(msg("given-by-orders"))).isTrue();
        assertThat(ledger.returned()).isEqualTo(1);
    }

    @Test
    void aCopyStaysInTheDlqSoSeeingItAgainIsNoReturnButItsDeliveredCopyComingBackIs() {
        OnePass p = onePass("off", null, true);
        p.moved(msg("a"), "given-a");

        assertThat(p.cameBack(msg("a"))).isFalse();
        assertThat(p.cameBack(msg("given-a"))).isTrue();
    }

    @Test
    void aMessageLeftToBeSentAgainIsNoReturn() {
        OnePass p = onePass("off", null, false);
        Msg a = msg("a");
        moved(p, a);
        p.sendAgain(a); // delivered, then its journal line could not be written: it stays in the DLQ

        assertThat(p.cameBack(msg("a"))).isFalse();
        assertThat(ledger.returned()).isZero();
    }

    @Test
    void whatTheResumedRunMovedCountsAsMovedByThisOne() {
        OnePass p = onePass("off", null, false);
        p.movedBefore(List.of("from-the-journal"));

        assertThat(p.cameBack(msg("from-the-journal"))).isTrue();
    }

    @Test
    void aCopyOfAnUnrecordedSendIsKnownByItsFingerprintOncePerSendAndTheOriginalNever() {
        OnePass p = onePass("off", null, false);
        p.unrecordedCopies(java.util.Map.of("md5-body/md5-attrs", 1), List.of("original"));
        Msg original = new Msg("original", "rh", "b", null, null, "md5-body/md5-attrs");

        assertThat(p.cameBack(original)).as("the original is sent again").isFalse();
        assertThat(p.cameBack(original.withId("copy"))).as("its copy came back").isTrue();
        assertThat(p.cameBack(original.withId("copy"))).as("received again: still the copy").isTrue();
        assertThat(p.cameBack(original.withId("another"))).as("one send, one copy").isFalse();
        assertThat(p.cameBack(new Msg("x", "rh", "b", null, null, null))).as("no fingerprint").isFalse();
        assertThat(ledger.returned()).isEqualTo(1);
    }

    @Test
    void theBreakerTripsOnceMoreCameBackThanAllowedAndSaysSoWithTheTimeSinceTheFirstMove() {
        OnePass p = onePass("1", null, false);
        moved(p, msg("a"), msg("b"), msg("c"));
        now.addAndGet(Duration.ofSeconds(42).toNanos());

        p.cameBack(msg("a"));
        assertThat(p.tripped()).as("1 back is allowed").isFalse();
        p.cameBack(msg("b"));

        assertThat(p.tripped()).isTrue();
        assertThat(p.trippedLine()).isEqualTo(ReturnBreaker.message(3, 2, Duration.ofSeconds(42)));
    }

    @Test
    void theCanaryHandsOutItsNAcrossWorkersThenNothingWhileItWaitsThenEverything() {
        Duration wait = Duration.ofSeconds(60);
        OnePass p = onePass("off", new Canary(5, wait, 0, now::get), false);

        assertThat(p.canaryTake(10)).isEqualTo(5);
        assertThat(p.canaryTake(10)).as("another worker, while the first holds all 5").isZero();
        moved(p, msg("a"), msg("b"), msg("c")); // 2 of the 5 were filtered out or failed
        p.canaryDone(5);
        assertThat(p.canaryTake(10)).as("the rest of N").isEqualTo(2);
        moved(p, msg("d"), msg("e"));
        p.canaryDone(2);

        assertThat(p.canary().phase()).isEqualTo(Canary.Phase.WAITING);
        assertThat(p.canaryTake(10)).as("waiting on the canary's messages").isZero();
        now.addAndGet(wait.toNanos());
        assertThat(p.canaryTake(10)).as("none came back: the rest may move").isEqualTo(10);
    }

    @Test
    void aCanaryMessageComingBackFailsTheCanaryAndNothingMoreIsReceived() {
        OnePass p = onePass("off", new Canary(2, Duration.ofSeconds(60), 0, now::get), false);
        p.canaryTake(2);
        moved(p, msg("a"), msg("b"));
        p.canaryDone(2);

        assertThat(p.cameBack(msg("b"))).isTrue();

        assertThat(p.canary().phase()).isEqualTo(Canary.Phase.FAILED);
        assertThat(p.canaryTake(10)).isZero();
    }

    @Test
    void withoutACanaryEveryReceiveTakesWhatItAsks() {
        OnePass p = onePass("off", null, false);

        assertThat(p.canaryTake(10)).isEqualTo(10);
        assertThat(p.canary()).isNull();
    }
}
