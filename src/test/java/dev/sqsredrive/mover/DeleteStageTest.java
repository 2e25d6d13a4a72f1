package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sqsredrive.mover.sqs.SqsFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * The delete stage against scripted SQS answers: a message leaves the DLQ's books only once SQS confirmed
 * its delete; one it did not is released (this run receives it again and only deletes it) and stays
 * waiting for its delete, so nothing sent is forgotten.
 */
class DeleteStageTest {

    @TempDir
    Path dir;

    private final FakeQueueOps ops = new FakeQueueOps();
    private final Source source = ops.endpoint().source("http://q/dlq");
    private final Retry retry = new Retry(d -> { }, SqsFailures.INSTANCE);
    private final RunLedger ledger = new RunLedger(true);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> deleteFailed = ConcurrentHashMap.newKeySet();
    private Journal journal;
    private RunState state;

    private DeleteStage stage() {
        journal = Journal.open(dir.resolve("j.log"), "{}");
        state = new RunState(ledger, journal, pending, deleteFailed);
        return new DeleteStage(source, retry, state);
    }

    @AfterEach
    void closeJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    /** Sent, journalled as such, held by this receive: what the delete stage is handed. */
    private List<Msg> sent(int n) {
        List<Msg> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Msg m = FakeQueueOps.msg("id" + i, "body" + i);
            ms.add(m);
            pending.add(m.id());
        }
        return ms;
    }

    private HeldMessages.Hold hold(List<Msg> ms) {
        return new HeldMessages(source, () -> 0L, Duration.ofSeconds(30), retry).hold(ms, 0);
    }

    private List<String> journalLines(char kind) throws IOException {
        return Files.readAllLines(journal.file()).stream().filter(l -> l.startsWith(kind + " "))
                .map(l -> l.substring(2).strip()).toList();
    }

    @Test
    void everyConfirmedDeleteIsJournalledCountedAndNoLongerWaitedFor() throws Exception {
        List<Msg> ms = sent(3);
        HeldMessages.Hold hold = hold(ms);

        Set<String> deleted = stage().delete(ms, hold);

        assertThat(deleted).containsExactlyInAnyOrder("id0", "id1", "id2");
        assertThat(ops.deletedReceiptHandles()).as("this receive's handles").containsExactly("rh-id0", "rh-id1",
                "rh-id2");
        assertThat(journalLines('D')).containsExactly("id0", "id1", "id2");
        assertThat(ledger.deleted()).isEqualTo(3);
        assertThat(pending).isEmpty();
        assertThat(deleteFailed).isEmpty();
        assertThat(hold.empty()).as("no longer held: nothing left to release").isTrue();
        assertThat(ops.visibilityChanges).isEmpty();
    }

    @Test
    void aDeleteTheSourceRefusesLeavesItWaitingForItsDeleteAndReleasesItToBeReceivedAgain() throws Exception {
        List<Msg> ms = sent(3);
        HeldMessages.Hold hold = hold(ms);
        ops.deleteScript.add(FakeQueueOps.failingDeletes(Set.of("rh-id1"), new EntryError("ReceiptHandleIsInvalid", "", true)));

        Set<String> deleted = stage().delete(ms, hold);

        assertThat(deleted).containsExactlyInAnyOrder("id0", "id2");
        assertThat(ops.deletes).as("a refusal is not retried").hasSize(1);
        assertThat(journalLines('D')).containsExactly("id0", "id2");
        assertThat(ledger.deleted()).isEqualTo(2);
        assertThat(pending).as("sent and still in the DLQ: a later receive only deletes it").containsExactly("id1");
        assertThat(deleteFailed).containsExactly("id1");
        assertThat(state.deleteUnknown()).as("SQS answered: it is still there").isEmpty();
        assertThat(ops.visibilityChanges).extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle,
                ChangeMessageVisibilityBatchRequestEntry::visibilityTimeout).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rh-id1", 0));
        assertThat(hold.empty()).isTrue();
    }

    @Test
    void aDeleteFailedOnTheServersSideIsTriedAgainUntilConfirmed() throws Exception {
        List<Msg> ms = sent(2);
        ops.deleteScript.add(FakeQueueOps.failingDeletes(Set.of("rh-id0"), new EntryError("InternalError", "", false)));

        Set<String> deleted = stage().delete(ms, hold(ms));

        assertThat(deleted).containsExactlyInAnyOrder("id0", "id1");
        assertThat(ops.deletes).hasSize(2);
        assertThat(ops.deletes.get(1)).extracting(DeleteMessageBatchRequestEntry::receiptHandle)
                .as("only the failed entry again").containsExactly("rh-id0");
        assertThat(pending).isEmpty();
        assertThat(deleteFailed).isEmpty();
    }

    @Test
    void aDeleteThatNeverGotAnAnswerMayHaveHappenedAndIsRecordedAsUnknown() throws Exception {
        List<Msg> ms = sent(2);
        ops.deleteError = SdkClientException.create("Connection reset");

        Set<String> deleted = stage().delete(ms, hold(ms));

        assertThat(deleted).isEmpty();
        assertThat(ops.deletes).as("every attempt").hasSize(Retry.MAX_ATTEMPTS);
        assertThat(journalLines('D')).isEmpty();
        assertThat(pending).containsExactlyInAnyOrder("id0", "id1");
        assertThat(deleteFailed).containsExactlyInAnyOrder("id0", "id1");
        assertThat(state.deleteUnknown()).as("the call may have been carried out").containsExactlyInAnyOrder("id0",
                "id1");
        assertThat(ops.visibilityChanges).extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle)
                .containsExactlyInAnyOrder("rh-id0", "rh-id1");
    }

    @Test
    void aDeleteRefusedAsAWholeStopsWithItsErrorAndForgetsNothingSent() throws Exception {
        List<Msg> ms = sent(2);
        ops.deleteError = BatchMoverTest.awsError(403, "AccessDenied");
        DeleteStage stage = stage();

        assertThatThrownBy(() -> stage.delete(ms, hold(ms))).isInstanceOf(AwsServiceException.class);

        assertThat(ops.deletes).hasSize(1);
        assertThat(journalLines('D')).isEmpty();
        assertThat(ledger.deleted()).isZero();
        assertThat(pending).as("still waiting for their delete").containsExactlyInAnyOrder("id0", "id1");
    }

    @Test
    void nothingToDeleteMakesNoCall() throws Exception {
        assertThat(stage().delete(List.of(), hold(List.of()))).isEmpty();
        assertThat(ops.deletes).isEmpty();
    }
}
