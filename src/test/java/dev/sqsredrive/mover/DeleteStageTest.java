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
import java.util.concurrent.atomic.AtomicLong;

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

    private final ScriptedRun run;

    DeleteStageTest(@TempDir Path dir) {
        run = new ScriptedRun(dir);
    }

    @AfterEach
    void closeJournal() {
        run.close();
    }

    private DeleteStage stage() {
        return new DeleteStage(run.source, run.retry, run.state);
    }

    /** Sent, journalled as such, held by this receive: what the delete stage is handed. */
    private List<Msg> sent(int n) {
        List<Msg> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Msg m = FakeQueueOps.msg("id" + i, "body" + i);
            ms.add(m);
            run.pending.add(m.id());
        }
        return ms;
    }

    private Hold hold(List<Msg> ms) {
        return run.hold(ms);
    }

    private List<String> journalLines(char kind) throws IOException {
        return Files.readAllLines(run.state.journal().file()).stream().filter(l -> l.startsWith(kind + " "))
                .map(l -> l.substring(2).strip()).toList();
    }

    @Test
    void everyConfirmedDeleteIsJournalledCountedAndNoLongerWaitedFor() throws Exception {
        List<Msg> ms = sent(3);
        Hold hold = hold(ms);

        Set<String> deleted = stage().delete(ms, hold);

        assertThat(deleted).containsExactlyInAnyOrder("id0", "id1", "id2");
        assertThat(run.ops.deletedReceiptHandles()).as("this receive's handles")
                .containsExactly("rh-id0", "rh-id1", "rh-id2");
        assertThat(journalLines('D')).containsExactly("id0", "id1", "id2");
        assertThat(run.ledger.deleted()).isEqualTo(3);
        assertThat(run.pending).isEmpty();
        assertThat(run.deleteFailed).isEmpty();
        assertThat(hold.empty()).as("no longer held: nothing left to release").isTrue();
        assertThat(run.ops.visibilityChanges).isEmpty();
    }

    /**
     * SQS answers a delete made with an outdated receipt handle with a success that may delete nothing. A hold
     * that lapsed (the process stopped past the visibility timeout: fault-matrix case 38) has such handles; the
     * message, still in the DLQ, was journalled deleted and then left there as one that came back.
     */
    @Test
    void aDeleteConfirmedAfterItsHoldLapsedIsNotTakenForDoneAndWaitsForTheMessageToComeBack() throws Exception {
        List<Msg> ms = sent(2);
        Hold hold = run.hold(ms, now::get);
        now.set(Duration.ofSeconds(31).toNanos()); // past the hold's 30 s, with no extension confirmed

        Set<String> deleted = stage().delete(ms, hold);

        assertThat(run.ops.deletes).as("the delete is made: it may be the one that works").hasSize(1);
        assertThat(deleted).isEmpty();
        assertThat(journalLines('D')).isEmpty();
        assertThat(run.ledger.deleted()).isZero();
        assertThat(run.pending).as("a later receive only deletes them").containsExactlyInAnyOrder("id0", "id1");
        assertThat(run.state.deleteUnknown()).as("they may be gone").containsExactlyInAnyOrder("id0", "id1");
        assertThat(hold.empty()).isTrue();
    }

    /** When the process went on after a stop of 35 s: past the holds' 30 s. */
    private static final long STOPPED_PAST_VISIBILITY = Duration.ofSeconds(35).toNanos();

    private final AtomicLong now = new AtomicLong();

    /** Received at time 0 and being sent (claimed) when the process stopped; the clock then stands after the stop. */
    private Hold sendingWhenStopped(HeldMessages held, List<Msg> ms) throws InterruptedException {
        Hold sending = held.hold(ms, 0);
        sending.claim(ms, null);
        now.set(STOPPED_PAST_VISIBILITY);
        return sending;
    }

    /** The same messages under the receipt handles a later receive got them with. */
    private static List<Msg> receivedAgain(List<Msg> ms) {
        return ms.stream().map(m -> new Msg(m.id(), "rh2-" + m.id(), m.body(), m.attributes(), m.system(),
                m.fingerprint())).toList();
    }

    /**
     * The process stopped past the visibility timeout while it sent these; after it went on, another receive of
     * the run got them again, and keeps them hidden without sending them. Only that receive's handle deletes
     * them (ElasticMQ refuses the older one, SQS may answer it with a success that deletes nothing): with the
     * older one they stayed in the DLQ while their copies had arrived (fault-matrix case 38).
     */
    @Test
    void aMessageAnotherReceiveGotAgainWhileItWasSentIsDeletedWithThatReceivesHandle() throws Exception {
        List<Msg> ms = sent(2);
        HeldMessages held = run.held(now::get);
        Hold sending = sendingWhenStopped(held, ms);
        Hold later = held.hold(receivedAgain(ms), STOPPED_PAST_VISIBILITY);

        Set<String> deleted = stage().delete(ms, sending);

        assertThat(run.ops.deletedReceiptHandles()).containsExactly("rh2-id0", "rh2-id1");
        assertThat(deleted).containsExactlyInAnyOrder("id0", "id1");
        assertThat(journalLines('D')).containsExactly("id0", "id1");
        assertThat(run.pending).isEmpty();
        assertThat(run.deleteFailed).isEmpty();
        assertThat(later.empty()).as("nothing left to release at the end").isTrue();
        assertThat(sending.empty()).isTrue();
        assertThat(held.holds("id0")).isFalse();
    }

    /** The other receive got them while the delete was under way: the older handle is refused, the newer one works. */
    @Test
    void aMessageReceivedAgainDuringItsDeleteIsDeletedAgainWithTheNewHandle() throws Exception {
        List<Msg> ms = sent(2);
        HeldMessages held = run.held(now::get);
        Hold sending = sendingWhenStopped(held, ms);
        Hold[] later = new Hold[1];
        run.ops.deleteScript.add(entries -> {
            later[0] = held.hold(receivedAgain(ms), STOPPED_PAST_VISIBILITY);
            return FakeQueueOps.failingDeletes(Set.of("rh-id0", "rh-id1"),
                    new EntryError("ReceiptHandleIsInvalid", "", true)).apply(entries);
        });

        Set<String> deleted = stage().delete(ms, sending);

        assertThat(run.ops.deletedReceiptHandles()).containsExactly("rh-id0", "rh-id1", "rh2-id0", "rh2-id1");
        assertThat(deleted).containsExactlyInAnyOrder("id0", "id1");
        assertThat(run.pending).isEmpty();
        assertThat(run.deleteFailed).as("no delete failed for good").isEmpty();
        assertThat(run.ops.visibilityChanges).as("nothing released with the outdated handles").isEmpty();
        assertThat(later[0].empty()).isTrue();
    }

    /** A delete with an older handle can be refused after one with a newer handle removed the message. */
    @Test
    void aRefusalThatComesAfterTheMessageWasDeletedIsNoFailedDelete() throws Exception {
        List<Msg> ms = sent(1);
        run.state.deleted(List.of("id0")); // another receive's delete, with the newer handle
        run.ops.deleteScript.add(FakeQueueOps.failingDeletes(Set.of("rh-id0"),
                new EntryError("ReceiptHandleIsInvalid", "", true)));

        stage().delete(ms, hold(ms));

        assertThat(run.deleteFailed).as("not reported as delivered and left in the DLQ").isEmpty();
        assertThat(run.pending).isEmpty();
    }

    @Test
    void aDeleteTheSourceRefusesLeavesItWaitingForItsDeleteAndReleasesItToBeReceivedAgain() throws Exception {
        List<Msg> ms = sent(3);
        Hold hold = hold(ms);
        run.ops.deleteScript.add(FakeQueueOps.failingDeletes(Set.of("rh-id1"),
                new EntryError("ReceiptHandleIsInvalid", "", true)));

        Set<String> deleted = stage().delete(ms, hold);

        assertThat(deleted).containsExactlyInAnyOrder("id0", "id2");
        assertThat(run.ops.deletes).as("a refusal is not retried").hasSize(1);
        assertThat(journalLines('D')).containsExactly("id0", "id2");
        assertThat(run.ledger.deleted()).isEqualTo(2);
        assertThat(run.pending).as("sent and still in the DLQ: a later receive only deletes it").containsExactly("id1");
        assertThat(run.deleteFailed).containsExactly("id1");
        assertThat(run.state.deleteUnknown()).as("SQS answered: it is still there").isEmpty();
        assertThat(run.ops.visibilityChanges).extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle,
                ChangeMessageVisibilityBatchRequestEntry::visibilityTimeout).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rh-id1", 0));
        assertThat(hold.empty()).isTrue();
    }

    @Test
    void aDeleteFailedOnTheServersSideIsTriedAgainUntilConfirmed() throws Exception {
        List<Msg> ms = sent(2);
        run.ops.deleteScript.add(FakeQueueOps.failingDeletes(Set.of("rh-id0"),
                new EntryError("InternalError", "", false)));

        Set<String> deleted = stage().delete(ms, hold(ms));

        assertThat(deleted).containsExactlyInAnyOrder("id0", "id1");
        assertThat(run.ops.deletes).hasSize(2);
        assertThat(run.ops.deletes.get(1)).extracting(DeleteMessageBatchRequestEntry::receiptHandle)
                .as("only the failed entry again").containsExactly("rh-id0");
        assertThat(run.pending).isEmpty();
        assertThat(run.deleteFailed).isEmpty();
    }

    @Test
    void aDeleteThatNeverGotAnAnswerMayHaveHappenedAndIsRecordedAsUnknown() throws Exception {
        List<Msg> ms = sent(2);
        run.ops.deleteError = SdkClientException.create("Connection reset");

        Set<String> deleted = stage().delete(ms, hold(ms));

        assertThat(deleted).isEmpty();
        assertThat(run.ops.deletes).as("every attempt").hasSize(Retry.MAX_ATTEMPTS);
        assertThat(journalLines('D')).isEmpty();
        assertThat(run.pending).containsExactlyInAnyOrder("id0", "id1");
        assertThat(run.deleteFailed).containsExactlyInAnyOrder("id0", "id1");
        assertThat(run.state.deleteUnknown()).as("the call may have been carried out").containsExactlyInAnyOrder("id0",
                "id1");
        assertThat(run.ops.visibilityChanges).extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle)
                .containsExactlyInAnyOrder("rh-id0", "rh-id1");
    }

    @Test
    void aDeleteRefusedAsAWholeStopsWithItsErrorAndForgetsNothingSent() throws Exception {
        List<Msg> ms = sent(2);
        run.ops.deleteError = BatchMoverTest.awsError(403, "AccessDenied");
        DeleteStage stage = stage();

        assertThatThrownBy(() -> stage.delete(ms, hold(ms))).isInstanceOf(AwsServiceException.class);

        assertThat(run.ops.deletes).hasSize(1);
        assertThat(journalLines('D')).isEmpty();
        assertThat(run.ledger.deleted()).isZero();
        assertThat(run.pending).as("still waiting for their delete").containsExactlyInAnyOrder("id0", "id1");
    }

    @Test
    void nothingToDeleteMakesNoCall() throws Exception {
        assertThat(stage().delete(List.of(), hold(List.of()))).isEmpty();
        assertThat(run.ops.deletes).isEmpty();
    }
}
