package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.mover.guard.ReturnBreaker;
import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers on virtual threads, on scripted receives and a ticker that never moves: every message is moved
 * once whichever worker receives it, the run ends drained when the DLQ is, and a worker's error ends the run
 * (the other workers stop, nothing they received is sent after it).
 */
@Timeout(20)
class WorkersTest {

    private static final Destination DEST = new Destination("http://q/dest", "arn:aws:sqs:us-east-1:1:dest", false,
            1024);

    @TempDir
    Path dir;

    private final FakeQueueOps ops = new FakeQueueOps();
    private final Ticker frozen = () -> 0;
    /** Time passes at once: the tick and the pauses between empty polls cost nothing. */
    private final Sleeper instant = d -> { };
    private final RunStop stop = new RunStop(frozen, instant, Duration.ofSeconds(3));
    private Journal journal;

    private Workers workers(int n) {
        MoverConfig config = MoverConfig.builder("dlq", "arn:aws:sqs:us-east-1:1:dlq").concurrency(n).build();
        Source source = ops.endpoint().source("dlq");
        journal = Journal.open(dir.resolve("j.log"), "{}");
        RunLedger ledger = new RunLedger(true);
        OnePass onePass = new OnePass(ledger, new ReturnBreaker(MaxReturned.parse("off")), null, frozen, false);
        RunState state = new RunState(ledger, journal, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(),
                ConcurrentHashMap.newKeySet(), new BrokenGroups(), onePass);
        Retry retry = new Retry(instant, frozen, SqsFailures.INSTANCE);
        HeldMessages held = new HeldMessages(source, frozen, Duration.ofSeconds(30), retry);
        BatchMover batches = new BatchMover(config, new Routing(DEST, null, 0, arn -> Optional.empty()), state, null,
                new BatchMover.Seam(source, ops.endpoint()::sink, retry, SendGuard.unless(stop::releaseRequested)),
                stop);
        return new Workers(config, stop, new SourceReceiver(source, SqsFailures.INSTANCE, config, stop, () -> 0, frozen),
                held, batches, onePass, new Clocks(Clock.systemUTC(), frozen, instant), ConcurrencyLimit.fixed(n));
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private void script(int receives, int perReceive) {
        for (int r = 0; r < receives; r++) {
            List<software.amazon.awssdk.services.sqs.model.Message> ms = new ArrayList<>();
            for (int i = 0; i < perReceive; i++) {
                String id = r + "-" + i;
                ms.add(FakeQueueOps.message(id, id));
            }
            ops.receives.add(ms);
        }
    }

    @Test
    void everyMessageIsMovedOnceAndTheRunEndsDrained() throws Exception {
        script(30, 10);

        workers(4).runAll(() -> { });

        assertThat(stop.reason()).isEqualTo(StopReason.DRAINED);
        assertThat(ops.sentBodies()).hasSize(300).doesNotHaveDuplicates();
        assertThat(ops.deletedReceiptHandles()).as("each delete waited for before the end").hasSize(300)
                .doesNotHaveDuplicates();
    }

    @Test
    void aWorkersErrorEndsTheRunAndNoOneSendsAfterIt() throws Exception {
        script(30, 10);
        ops.sendScript.add(entries -> {
            throw new IllegalStateException("a bug in a send");
        });

        workers(4).runAll(() -> { });

        assertThat(stop.reason()).isEqualTo(StopReason.FATAL);
        assertThat(stop.fatal()).hasMessage("a bug in a send");
        assertThat(ops.sends.size()).as("the failed send, and at most one per other worker under way")
                .isLessThanOrEqualTo(4);
    }
}
