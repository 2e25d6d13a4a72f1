package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each fate the stages record, and the numbers a summary then reports (docs/MOVER.md "The ledger"). */
class RunLedgerTest {

    private final RunLedger ledger = new RunLedger(true);

    @Test
    void aCertainSendIsMovedAndNoDuplicate() {
        ledger.sending(List.of("a", "b"), false);
        ledger.sent(2, RunLedger.Outcome.CERTAIN, false);

        assertThat(ledger.moved()).isEqualTo(2);
        assertThat(ledger.duplicatesPossible()).isZero();
    }

    @Test
    void aSendDeliveredAfterAnAttemptWithAnUnknownOutcomeIsOnePossibleDuplicate() {
        ledger.sending(List.of("a"), false);
        ledger.sent(1, RunLedger.Outcome.UNKNOWN, false);

        assertThat(ledger.moved()).isEqualTo(1);
        assertThat(ledger.duplicatesPossible()).isEqualTo(1);
    }

    @Test
    void aResendOfAnEarlierRunsUnknownOutcomeIsOnePossibleDuplicateOnce() {
        ledger.unknownBefore(Set.of("a", "b"));

        ledger.sending(List.of("a", "c"), false);
        ledger.sending(List.of("a"), false); // its first resend was counted: this one's outcome is its own

        assertThat(ledger.duplicatesPossible()).isEqualTo(1);
    }

    @Test
    void aMessageLeftAfterAnAttemptThatMayHaveDeliveredItIsAPossibleDuplicateWhenThisRunSendsItAgain() {
        ledger.sending(List.of("a"), false);
        ledger.left("sent, but its answer's MD5s do not match", 1);
        ledger.mayHaveArrived(List.of("a")); // a copy is in the destination, the original in the DLQ

        ledger.sending(List.of("a"), false); // received again later in the same run
        ledger.sent(1, RunLedger.Outcome.CERTAIN, false);

        assertThat(ledger.failed()).isEqualTo(1);
        assertThat(ledger.moved()).isEqualTo(1);
        assertThat(ledger.duplicatesPossible()).isEqualTo(1);
    }

    @Test
    void aMessageSentThreeTimesIsTwoPossibleDuplicates() {
        ledger.unknownBefore(Set.of("a")); // the first send, by a killed run: outcome unknown
        ledger.sending(List.of("a"), false); // the second
        ledger.sent(1, RunLedger.Outcome.UNKNOWN, false); // lost answer, then the third delivered

        assertThat(ledger.moved()).isEqualTo(1);
        assertThat(ledger.duplicatesPossible()).isEqualTo(2);
    }

    @Test
    void aFifoDestinationDropsResendsByTheirDeduplicationId() {
        ledger.unknownBefore(Set.of("a"));
        ledger.sending(List.of("a"), true);
        ledger.sent(1, RunLedger.Outcome.UNKNOWN, true);
        ledger.holdLapsed(1, true);

        assertThat(ledger.moved()).isEqualTo(1);
        assertThat(ledger.duplicatesPossible()).isZero();
    }

    @Test
    void aLapsedHoldIsAPossibleDuplicate() {
        ledger.sent(3, RunLedger.Outcome.CERTAIN, false);
        ledger.holdLapsed(2, false);

        assertThat(ledger.duplicatesPossible()).isEqualTo(2);
    }

    @Test
    void anUnrecordedDeliveryIsMovedAndItsResendIsAPossibleDuplicate() {
        ledger.sending(List.of("a"), false);
        ledger.sent(1, RunLedger.Outcome.CERTAIN, false);
        ledger.unrecorded(List.of("a")); // the archive line failed: it stays in the DLQ, its send open

        assertThat(ledger.unrecorded()).isEqualTo(1);
        assertThat(ledger.duplicatesPossible()).isZero();

        ledger.sending(List.of("a"), false);
        assertThat(ledger.duplicatesPossible()).isEqualTo(1);
    }

    @Test
    void withoutAJournalNoUnknownOutcomeOutlivesItsSend() {
        RunLedger copy = new RunLedger(false);
        copy.unknownBefore(Set.of("a"));
        copy.unrecorded(List.of("b"));

        copy.sending(List.of("a", "b"), false);

        assertThat(copy.duplicatesPossible()).isZero();
        assertThat(copy.unrecorded()).isEqualTo(1);
    }

    @Test
    void aRepeatedImportCountsEachResendOnce() {
        ledger.everyoneSentBefore();

        ledger.sending(List.of("a", "b"), false);
        ledger.sending(List.of("a"), false);

        assertThat(ledger.duplicatesPossible()).isEqualTo(2);
    }

    @Test
    void killedRunsUnreportedDuplicatesAreCounted() {
        ledger.duplicatedBefore(4);

        assertThat(ledger.duplicatesPossible()).isEqualTo(4);
    }

    @Test
    void aReturnedMessageIsNotMoved() {
        ledger.sent(1, RunLedger.Outcome.CERTAIN, false);

        assertThat(ledger.cameBack()).isEqualTo(1);
        assertThat(ledger.returned()).isEqualTo(1);
        assertThat(ledger.moved()).isEqualTo(1);
    }

    @Test
    void aDeleteFinishingAnEarlierRunsSendIsMovedAndResumed() {
        ledger.finishedEarlierSend(2);
        ledger.deleted(2);

        assertThat(ledger.moved()).isEqualTo(2);
        assertThat(ledger.resumedDeletes()).isEqualTo(2);
        assertThat(ledger.deleted()).isEqualTo(2);
    }

    @Test
    void leftMessagesAreFailedByReasonFilteredOnesSkipped() {
        ledger.left("refused by 'out': InvalidMessageContents", 2);
        ledger.left(SendStage.GROUP_BROKEN, 1);
        ledger.filteredOut();

        assertThat(ledger.failed()).isEqualTo(3);
        assertThat(ledger.failures()).isEqualTo(Map.of("refused by 'out': InvalidMessageContents", 2L,
                SendStage.GROUP_BROKEN, 1L));
        assertThat(ledger.skipped()).isEqualTo(1);
        assertThat(ledger.moved()).isZero();
    }

    @Test
    void aDryRunCountsWhatItWouldMoveAnInspectWhatItScanned() {
        ledger.wouldMove(5);
        ledger.scanned(2);

        assertThat(ledger.moved()).isEqualTo(7);
        assertThat(ledger.duplicatesPossible()).isZero();
    }
}
