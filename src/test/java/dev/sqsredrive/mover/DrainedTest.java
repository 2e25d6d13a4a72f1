package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

import dev.sqsredrive.mover.sqs.SqsFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A run that drained the DLQ settles the deletes it could not confirm (docs/MOVER.md, "The ledger"): what
 * the DLQ no longer holds waits for no delete; what it may still hold keeps waiting, for a later run.
 */
class DrainedTest {

    private final ScriptedRun run;

    DrainedTest(@TempDir Path dir) {
        run = new ScriptedRun(dir);
    }

    @AfterEach
    void closeJournal() {
        run.close();
    }

    /** Sent, its delete failed: answered (still in the DLQ then) or unknown (a lost answer may have done it). */
    private void deleteFailed(String id, boolean unknown) {
        run.pending.add(id);
        run.state.deleteFailed(id, unknown);
    }

    private void settle(LongSupplier dlqHoldsBesidesThisRun) {
        settle(dlqHoldsBesidesThisRun, id -> false);
    }

    private void settle(LongSupplier dlqHoldsBesidesThisRun, java.util.function.Predicate<String> heldHere) {
        Drained.settle(run.state, dlqHoldsBesidesThisRun, SqsFailures.INSTANCE, heldHere);
    }

    @Test
    void whatAnEmptyDlqNoLongerHoldsWaitsForNoDelete() {
        deleteFailed("a", false);
        deleteFailed("b", true);

        settle(() -> 0);

        assertThat(run.pending).isEmpty();
        assertThat(run.deleteFailed).isEmpty();
        assertThat(run.ledger.deleted()).isEqualTo(2);
    }

    @Test
    void aDlqStillHoldingMessagesKeepsTheAnsweredFailuresWaitingButNotTheLostDeletes() {
        deleteFailed("answered", false); // SQS said it is still there
        deleteFailed("lost", true); // released after its delete's answer was lost, and never received again

        settle(() -> 3);

        assertThat(run.pending).containsExactly("answered");
        assertThat(run.deleteFailed).containsExactly("answered");
        assertThat(run.state.deleteUnknown()).isEmpty();
        assertThat(run.ledger.deleted()).isEqualTo(1);
    }

    /**
     * The DLQ holds nothing besides what this run holds, and this run holds a message sent and not deleted (a
     * later receive got it again while it was sent, past the visibility timeout: fault-matrix case 38). It is
     * in the DLQ: recorded deleted, the next run left it there as one that came back, and its copy had arrived.
     */
    @Test
    void aMessageThisRunStillHoldsIsInTheDlqAndKeepsWaitingForItsDelete() {
        deleteFailed("gone", true);
        deleteFailed("lapsed-and-held", true); // its delete may have done nothing, and this run holds it
        run.pending.add("held"); // sent, never deleted: a later receive of the run keeps it hidden

        settle(() -> 0, id -> id.endsWith("held"));

        assertThat(run.pending).containsExactlyInAnyOrder("lapsed-and-held", "held");
        assertThat(run.deleteFailed).as("reported as delivered and not deleted").containsExactlyInAnyOrder(
                "lapsed-and-held", "held");
        assertThat(run.state.deleteUnknown()).as("surely still there").isEmpty();
        assertThat(run.ledger.deleted()).isEqualTo(1);
    }

    @Test
    void whenTheDlqCannotBeCountedNothingIsTakenForGone() {
        deleteFailed("a", false);

        settle(() -> {
            throw SdkClientException.create("Connection reset");
        });

        assertThat(run.pending).containsExactly("a");
        assertThat(run.ledger.deleted()).isZero();
    }

    @Test
    void aFailureThatIsNoCallFailureIsNotSwallowed() {
        deleteFailed("a", false);

        assertThatThrownBy(() -> settle(() -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(run.pending).containsExactly("a");
    }

    @Test
    void withoutAJournalThereIsNothingToSettle() {
        RunState copy = new RunState(run.ledger, null, run.pending, run.deleteFailed, () -> 0L);
        run.pending.addAll(List.of("a"));

        Drained.settle(copy, () -> 0, SqsFailures.INSTANCE, id -> true);

        assertThat(run.pending).containsExactly("a");
    }
}
