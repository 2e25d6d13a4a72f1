package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sqsredrive.aws.Md5Checks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The send stage on scripted answers: what its guard lets go, in batches the destination accepts; what it
 * does not send is released, never dropped; what was delivered but could not be journalled stays in the DLQ.
 */
class SendStageTest {

    private static final Destination DEST = new Destination("http://q/dest", "arn:aws:sqs:us-east-1:1:dest", false,
            256 * 1024);

    private final ScriptedRun run;
    private DeleteLine deletes;
    /** Batches the guard lets go before it says stop; -1 for never stop. */
    private int admitUpTo = -1;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger returned = new AtomicInteger();

    SendStageTest(@TempDir Path dir) {
        run = new ScriptedRun(dir);
    }

    @AfterEach
    void closeJournal() {
        run.close();
    }

    private SendStage stage() {
        deletes = new DeleteLine(new DeleteStage(run.source, run.retry, run.state),
                new RunStop(() -> 0L, d -> { }, Duration.ofSeconds(3)), 2);
        SendGuard guard = new SendGuard() {
            @Override
            public Admission await(int messages) {
                if (admitUpTo >= 0 && admitted.get() >= admitUpTo) {
                    return Admission.REFUSED;
                }
                admitted.incrementAndGet();
                return Admission.of(returned::incrementAndGet);
            }
        };
        return new SendStage(false, run.ops.endpoint()::sink, run.retry, run.state, guard, deletes);
    }

    private Hold hold(List<Msg> ms) {
        return run.hold(ms);
    }

    private static List<Msg> messages(int n, int bodyBytes) {
        List<Msg> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = ("body" + i + "-").repeat(bodyBytes).substring(0, bodyBytes);
            ms.add(FakeQueueOps.msg("id" + i, body));
        }
        return ms;
    }

    private int send(SendStage stage, List<Msg> ms, Hold hold) throws Exception {
        int sent = stage.send(DEST, ms, hold, new BrokenGroups());
        assertThat(deletes.ended().await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the deletes handed over end").isTrue();
        return sent;
    }

    @Test
    void everyMessageIsSentOnceInBatchesOfTenThenDeletedAndCounted() throws Exception {
        List<Msg> ms = messages(25, 10);

        int sent = send(stage(), ms, hold(ms));

        assertThat(sent).isEqualTo(25);
        assertThat(run.ops.sends).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(run.ops.sentBodies()).containsExactlyElementsOf(ms.stream().map(Msg::body).toList());
        assertThat(run.ops.deletedReceiptHandles()).hasSize(25).doesNotHaveDuplicates();
        assertThat(run.ledger.moved()).isEqualTo(25);
        assertThat(run.ledger.deleted()).isEqualTo(25);
        assertThat(run.pending).isEmpty();
        assertThat(returned.get()).as("every admission given back").isEqualTo(admitted.get()).isEqualTo(3);
    }

    @Test
    void aBatchCarriesNoMoreBytesThanTheDestinationTakesInOneMessage() throws Exception {
        List<Msg> ms = messages(4, 100 * 1024); // 400 KiB in all; 256 KiB per message, so per batch too

        int sent = send(stage(), ms, hold(ms));

        assertThat(sent).isEqualTo(4);
        for (List<SendMessageBatchRequestEntry> batch : run.ops.sends) {
            assertThat(batch.stream().mapToInt(e -> e.messageBody().length()).sum())
                    .isLessThanOrEqualTo(256 * 1024);
        }
        assertThat(run.ops.sentBodies()).hasSize(4);
    }

    @Test
    void whenTheGuardSaysStopTheRestOfTheReceiveIsReleasedNotDropped() throws Exception {
        List<Msg> ms = messages(25, 10);
        admitUpTo = 1;

        int sent = send(stage(), ms, hold(ms));

        assertThat(sent).isEqualTo(10);
        assertThat(run.ops.sends).hasSize(1);
        assertThat(run.ops.visibilityChanges).as("the 15 not sent are visible again at once")
                .extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle)
                .containsExactlyInAnyOrderElementsOf(ms.subList(10, 25).stream().map(Msg::receiptHandle).toList());
        assertThat(run.ops.visibilityChanges).allMatch(c -> c.visibilityTimeout() == 0);
        assertThat(run.ledger.moved()).isEqualTo(10);
    }

    @Test
    void aRefusedMessageIsLeftInTheDlqAndItsAdmissionGivenBack() throws Exception {
        List<Msg> ms = messages(3, 10);
        run.ops.sendScript.add(FakeQueueOps.failing(Set.of(ms.get(1).body()),
                new EntryError("InvalidMessageContents", "", true)));

        int sent = send(stage(), ms, hold(ms));

        assertThat(sent).isEqualTo(2);
        assertThat(run.ops.deletedReceiptHandles()).containsExactlyInAnyOrder("rh-id0", "rh-id2");
        assertThat(run.ledger.failed()).isEqualTo(1);
        assertThat(run.ledger.failures()).containsOnlyKeys("refused by 'dest': InvalidMessageContents");
        assertThat(returned.get()).isEqualTo(admitted.get()).isEqualTo(1);
    }

    @Test
    void aCopyConfirmedWithMismatchedMd5sIsKnownWhenItComesBackAndItsIdIsJournalled() throws Exception {
        List<Msg> ms = messages(2, 10);
        EntryError mismatch = new EntryError(Md5Checks.MISMATCH, "body differs", false);
        run.ops.sendScript.add(entries -> {
            String altered = entries.get(0).id();
            return new BatchResult(Set.of(entries.get(1).id()), Map.of(altered, mismatch),
                    Map.of(altered, "given-altered", entries.get(1).id(), "given-ok"));
        });

        int sent = send(stage(), ms, hold(ms));

        assertThat(sent).isEqualTo(1);
        assertThat(run.ledger.failures()).containsOnlyKeys(SendStage.mismatched(DEST));
        assertThat(run.state.onePass().cameBack(FakeQueueOps.msg("given-altered", ms.get(0).body())))
                .as("the copy SQS stored under the mismatched answer's id, dead-lettered back").isTrue();
        assertThat(run.state.onePass().cameBack(ms.get(0))).as("the original is sent again, not a return").isFalse();
        assertThat(Files.readAllLines(run.journalFile())).as("a resumed run knows that id too")
                .contains("M given-altered", "M given-ok").doesNotContain("S id0", "N id0");
    }

    @Test
    void aDeliveryWhoseJournalLineCannotBeWrittenIsNotDeletedAndStopsTheRun() throws Exception {
        List<Msg> ms = messages(3, 10);
        SendStage stage = stage();
        run.ops.beforeSend = () -> run.state.journal().close(); // the run.state directory's disk fails under the send

        assertThatThrownBy(() -> stage.send(DEST, ms, hold(ms), new BrokenGroups()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot write journal");

        assertThat(deletes.ended().await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(run.ops.sentBodies()).hasSize(3);
        assertThat(run.ops.deletes).as("delivered without its S line: a delete would lose its record").isEmpty();
        assertThat(run.ops.visibilityChanges).as("left in the DLQ for a later run")
                .extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle)
                .containsExactlyInAnyOrder("rh-id0", "rh-id1", "rh-id2");
        assertThat(run.ledger.unrecorded()).isEqualTo(3);
        assertThat(run.ledger.moved()).as("delivered all the same").isEqualTo(3);
        assertThat(returned.get()).isEqualTo(1);
    }
}
