package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.testing.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes off the worker: every delete handed over is made, the run's wait for them ends on the last one's
 * end (not on a timer), and a worker whose deletes fall behind waits for room in the line.
 */
@Timeout(10)
class DeleteLineTest {

    @TempDir
    Path dir;

    /** A DLQ whose deletes wait for the gate: an endpoint that is slow to answer them. */
    private final class GatedSource extends StubSource {
        final Set<String> deleted = ConcurrentHashMap.newKeySet();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public BatchResult delete(List<Entry> entries) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            entries.forEach(e -> deleted.add(e.message().id()));
            return allOk(entries);
        }
    }

    private final GatedSource source = new GatedSource();
    private final Retry retry = new Retry(new NoBackoff(), () -> 0, SqsFailures.INSTANCE);
    private final HeldMessages held = new HeldMessages(source, () -> 0, Duration.ofSeconds(30), retry);
    private final RunStop stop = new RunStop(() -> 0, new NoBackoff(), Duration.ofSeconds(3));
    private Journal journal;

    private DeleteLine line(int workers) {
        journal = Journal.open(dir.resolve("j.log"), "{}");
        RunState state = new RunState(new RunLedger(true), journal, ConcurrentHashMap.newKeySet(),
                ConcurrentHashMap.newKeySet(), () -> 0);
        return new DeleteLine(new DeleteStage(source, retry, state), stop, workers);
    }

    @AfterEach
    void close() {
        source.gate.countDown();
        if (journal != null) {
            journal.close();
        }
    }

    private void handOver(DeleteLine line, String... ids) throws InterruptedException {
        List<Msg> ms = new ArrayList<>();
        for (String id : ids) {
            ms.add(FakeQueueOps.msg(id, "body"));
        }
        line.delete(ms, held.hold(ms, 0));
    }

    @Test
    void everyDeleteIsMadeAndTheWaitEndsWithTheLast() throws Exception {
        DeleteLine line = line(2);
        source.gate = new CountDownLatch(1);
        handOver(line, "a", "b");
        handOver(line, "c");
        handOver(line, "d");
        CountDownLatch ended = line.ended();
        assertThat(ended.getCount()).as("deletes under way").isEqualTo(1);

        source.gate.countDown();

        assertThat(ended.await(5, TimeUnit.SECONDS)).as("opened by the last delete's end").isTrue();
        assertThat(source.deleted).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(line.ended().getCount()).as("nothing left in the line").isZero();
        assertThat(held.count()).as("deleted: no longer held").isZero();
    }

    @Test
    void aWorkerWaitsForRoomWhenItsDeletesFallBehind() throws Exception {
        DeleteLine line = line(1); // room for two
        source.gate = new CountDownLatch(1);
        handOver(line, "a");
        handOver(line, "b");
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                handOver(line, "c");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Deadline.await(Duration.ofSeconds(5), () -> worker.getState() == Thread.State.WAITING,
                () -> "the worker waits for room; it is " + worker.getState());

        source.gate.countDown();
        worker.join();

        assertThat(line.ended().await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(source.deleted).containsExactlyInAnyOrder("a", "b", "c");
    }
}
