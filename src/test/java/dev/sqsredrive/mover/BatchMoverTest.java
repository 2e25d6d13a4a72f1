package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import dev.sqsredrive.mover.sqs.SqsFailures;

/** One receive's worth of moving, against scripted SQS answers (the per-entry cases no local server shows). */
class BatchMoverTest {

    private static final Destination DEST = new Destination("http://q/dest", "arn:aws:sqs:us-east-1:1:dest", false,
            1024);

    @TempDir
    Path dir;

    private final FakeQueueOps ops = new FakeQueueOps();
    private final RunLedger ledger = new RunLedger(true);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> deleteFailed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean release = new AtomicBoolean();
    private final List<Duration> sleeps = new ArrayList<>();
    private Journal journal;
    private final RunStop stop = new RunStop(() -> 0, d -> { }, Duration.ofSeconds(3));

    private BatchMover mover(boolean copy) {
        return mover(copy, DEST);
    }

    private BatchMover mover(boolean copy, Destination dest) {
        MoverConfig config = MoverConfig.builder("http://q/dlq", "arn:aws:sqs:us-east-1:1:dlq").copy(copy).build();
        journal = copy ? null : Journal.open(dir.resolve("j.log"), "{}");
        RunState state = new RunState(ledger, journal, pending, deleteFailed, () -> 0);
        BatchMover.Seam seam = new BatchMover.Seam(ops.endpoint().source("http://q/dlq"), ops.endpoint()::sink,
                new Retry(sleeps::add, () -> 0, SqsFailures.INSTANCE), SendGuard.unless(release::get));
        return new BatchMover(config, new Routing(dest, null, 0, arn -> Optional.empty()), state, null, seam,
                stop);
    }

    /** Processes one receive and waits for the deletes it handed to the delete stage, which runs off the worker. */
    private static void process(BatchMover m, List<Msg> ms, Hold hold) throws InterruptedException {
        m.process(ms, hold, Instant.now());
        assertThat(m.deletesEnded().await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    private Hold hold(List<Msg> ms) {
        return new HeldMessages(ops.endpoint().source("http://q/dlq"), () -> 0L, Duration.ofSeconds(30),
                new Retry(d -> { }, () -> 0, SqsFailures.INSTANCE))
                .hold(ms, 0);
    }

    private static List<Msg> messages(int n) {
        List<Msg> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ms.add(FakeQueueOps.msg("id" + i, "body" + i));
        }
        return ms;
    }

    @Test
    void deletesOnlyTheEntriesTheDestinationConfirmedWithThisReceivesHandles() throws Exception {
        List<Msg> ms = messages(3);
        ops.sendScript.add(FakeQueueOps.failing(Set.of("body1"), new EntryError("InvalidMessageContents", "", true)));

        process(mover(false), ms, hold(ms));

        assertThat(ops.deletedReceiptHandles()).containsExactlyInAnyOrder("rh-id0", "rh-id2");
        assertThat(ledger.moved()).isEqualTo(2);
        assertThat(ledger.failed()).isEqualTo(1);
        assertThat(ledger.failures()).containsKey("refused by 'dest': InvalidMessageContents");
    }

    @Test
    void aSendIsJournaledAsAttemptedBeforeItIsMadeSoACrashInBetweenIsNotSilent() throws Exception {
        List<Msg> ms = messages(2);
        List<String> attemptedWhenSent = new ArrayList<>();
        ops.beforeSend = () -> attemptedWhenSent.addAll(Journals.maybeSent(List.of(journal.file())));

        process(mover(false), ms, hold(ms));

        // At the moment of the send the journal already said "attempted, outcome unknown" for both.
        assertThat(attemptedWhenSent).containsExactlyInAnyOrder("id0", "id1");
        assertThat(Journals.maybeSent(List.of(journal.file()))).isEmpty();
    }

    @Test
    void resendingWhatADeadRunMayHaveSentIsCountedAsAPossibleDuplicate() throws Exception {
        List<Msg> ms = messages(3);
        BatchMover m = mover(false);
        ledger.unknownBefore(Set.of("id1", "id2")); // the dead run attempted these, then was killed

        process(m, ms, hold(ms));

        assertThat(ledger.moved()).isEqualTo(3);
        assertThat(ledger.duplicatesPossible()).isEqualTo(2);
        assertThat(ops.deletedReceiptHandles()).containsExactlyInAnyOrder("rh-id0", "rh-id1", "rh-id2");
    }

    @Test
    void senderFaultsAreNotRetriedThrottledEntriesAre() throws Exception {
        List<Msg> ms = messages(2);
        ops.sendScript.add(FakeQueueOps.failing(Set.of("body0"), new EntryError("RequestThrottled", "", false)));
        ops.sendScript.add(FakeQueueOps.failing(Set.of(), null));

        process(mover(false), ms, hold(ms));

        assertThat(ops.sends).hasSize(2);
        assertThat(ops.sends.get(1)).extracting(e -> e.messageBody()).containsExactly("body0");
        assertThat(sleeps).hasSize(1); // backed off once before the retry
        assertThat(ledger.moved()).isEqualTo(2);

        ops.sends.clear();
        ops.sendScript.add(FakeQueueOps.failing(Set.of("body0"), new EntryError("InvalidParameterValue", "", true)));
        List<Msg> more = messages(1);
        process(mover(false), more, hold(more));
        assertThat(ops.sends).hasSize(1);
    }

    @Test
    void serverErrorsOfTheWholeCallAreRetriedClientErrorsAreNot() throws Exception {
        List<Msg> ms = messages(1);
        ops.sendScript.add(e -> {
            throw awsError(503, "ServiceUnavailable");
        });
        process(mover(false), ms, hold(ms));
        assertThat(ops.sends).hasSize(2);
        assertThat(ledger.moved()).isEqualTo(1);
        assertThat(ledger.duplicatesPossible()).isZero(); // an error answer: SQS did not deliver it

        ops.sendScript.add(e -> {
            throw awsError(400, "InvalidParameterValue");
        });
        List<Msg> more = messages(1);
        assertThatThrownBy(() -> mover(false).process(more, hold(more), Instant.now()))
                .isInstanceOf(AwsServiceException.class);
        assertThat(ops.sends).hasSize(3);
    }

    @Test
    void aSendThatGotNoAnswerIsRetriedAndAdmittedAsAPossibleDuplicate() throws Exception {
        List<Msg> ms = messages(2);
        ops.sendScript.add(e -> {
            throw SdkClientException.create("Connection reset");
        });
        process(mover(false), ms, hold(ms));
        assertThat(ops.sends).hasSize(2);
        assertThat(ledger.moved()).isEqualTo(2);
        assertThat(ledger.duplicatesPossible()).isEqualTo(2);
    }

    @Test
    void aMessageTooLargeForTheDestinationIsNotSent() throws Exception {
        List<Msg> ms = List.of(FakeQueueOps.msg("a", "x".repeat(1025)), FakeQueueOps.msg("b", "ok"));

        process(mover(false), ms, hold(ms));

        assertThat(ops.sentBodies()).containsExactly("ok");
        assertThat(ledger.failures()).containsOnlyKeys("larger than the 1024 bytes 'dest' accepts (MaximumMessageSize)");
    }

    /**
     * SQS hides a FIFO group while one of its messages is held, so a later receive brings the rest of the group
     * only once the failed message's hold has lapsed or been given up; scripted here, as ElasticMQ holds it fast.
     */
    @Test
    void aFifoMessageFailingBeforeItsSendHoldsBackItsGroupInThisAndLaterReceives() throws Exception {
        Destination fifo = new Destination("http://q/dest.fifo", "arn:aws:sqs:us-east-1:1:dest.fifo", true, 1024);
        BatchMover m = mover(false, fifo);
        List<Msg> first = List.of(inGroup("g0", "g", "ok"), inGroup("g1", "g", "x".repeat(1025)),
                inGroup("g2", "g", "after"), inGroup("h0", "h", "other group"));
        List<Msg> second = List.of(inGroup("g3", "g", "later"), inGroup("h1", "h", "other group, later"));

        process(m, first, hold(first));
        process(m, second, hold(second));

        assertThat(ops.sentBodies()).containsExactly("ok", "other group", "other group, later");
        assertThat(ledger.failures()).containsEntry(BatchMover.GROUP_BROKEN, 2L).hasSize(2);
        assertThat(ledger.moved()).isEqualTo(3);
    }

    private static Msg inGroup(String id, String group, String body) {
        return FakeQueueOps.msg(id, body).withSystem(java.util.Map.of(Msg.SystemAttribute.MESSAGE_GROUP_ID, group));
    }

    @Test
    void aMessageTheJournalSaysWasSentIsDeletedNotSentAgain() throws Exception {
        pending.add("id1");
        List<Msg> ms = messages(2);

        process(mover(false), ms, hold(ms));

        assertThat(ops.sentBodies()).containsExactly("body0");
        assertThat(ops.deletedReceiptHandles()).containsExactlyInAnyOrder("rh-id0", "rh-id1");
        assertThat(ledger.resumedDeletes()).isEqualTo(1);
        assertThat(pending).isEmpty();
        journal.close();
        assertThat(Journals.pending(List.of(dir.resolve("j.log")))).isEmpty();
    }

    /**
     * The process stopped past the visibility timeout with its deletes under way: a later receive got the messages
     * again and only deleted them, and both deletes were confirmed. They were moved once, by this run's send: not
     * counted again as an earlier run's send finished now ("sent by an earlier run: only deleted now" in a first
     * run), nor deleted twice.
     */
    @Test
    void whatThisRunSentAndReceivesAgainDuringItsDeleteIsMovedAndDeletedOnce() throws Exception {
        List<Msg> ms = messages(2);
        BatchMover m = mover(false);
        List<Msg> again = ms.stream().map(x -> new Msg(x.id(), "rh2-" + x.id(), x.body(), x.attributes(), x.system(),
                x.fingerprint())).toList();
        ops.deleteScript.add(entries -> {
            try {
                m.process(again, hold(again), Instant.now()); // its delete-only, in the middle of the first delete
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return FakeQueueOps.allOk(entries, software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry::id);
        });

        process(m, ms, hold(ms));
        journal.close();

        assertThat(ops.deletes).as("both deletes were made").hasSize(2);
        assertThat(ops.sentBodies()).containsExactly("body0", "body1");
        assertThat(ledger.moved()).isEqualTo(2);
        assertThat(ledger.resumedDeletes()).isZero();
        assertThat(ledger.deleted()).isEqualTo(2);
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("j.log")).stream().filter(l -> l.startsWith("D ")))
                .containsExactlyInAnyOrder("D id0", "D id1");
    }

    @Test
    void theJournalRecordsSendsBeforeDeletesSoACrashInBetweenIsResumable() throws Exception {
        List<Msg> ms = messages(2);
        BatchMover m = mover(false);
        ops.deleteError = awsError(500, "InternalError"); // delivered, but the DLQ copy stays

        process(m, ms, hold(ms));
        journal.close();

        assertThat(Journals.pending(List.of(dir.resolve("j.log")))).containsExactlyInAnyOrder("id0", "id1");
        assertThat(deleteFailed).containsExactlyInAnyOrder("id0", "id1");
        assertThat(ops.deletes).hasSize(Retry.MAX_ATTEMPTS);
    }

    @Test
    void copySendsWithoutDeleting() throws Exception {
        List<Msg> ms = messages(3);
        process(mover(true), ms, hold(ms));
        assertThat(ops.sentBodies()).hasSize(3);
        assertThat(ops.deletes).isEmpty();
    }

    @Test
    void onStopHeldMessagesNotYetSentAreReleasedAtOnce() throws Exception {
        List<Msg> ms = messages(15); // two batches; the stop comes before the first
        release.set(true);

        process(mover(false), ms, hold(ms));

        assertThat(ops.sends).isEmpty();
        assertThat(ops.visibilityChanges).hasSize(15).allSatisfy(c -> assertThat(c.visibilityTimeout()).isZero());
    }

    @Test
    void batchesHoldAtMostTenEntriesWithShortUniqueIds() throws Exception {
        List<Msg> ms = messages(10);
        ms = new ArrayList<>(ms);
        ms.addAll(messages(3).stream().map(m -> m.withId("x" + m.id())).toList());

        process(mover(false), ms, hold(ms));

        assertThat(ops.sends).hasSize(2);
        for (var batch : ops.sends) {
            assertThat(batch.size()).isLessThanOrEqualTo(10);
            Set<String> ids = new HashSet<>();
            batch.forEach(e -> assertThat(e.id()).hasSizeLessThanOrEqualTo(80).matches("[A-Za-z0-9_-]+"));
            batch.forEach(e -> assertThat(ids.add(e.id())).isTrue());
        }
    }

    static AwsServiceException awsError(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
