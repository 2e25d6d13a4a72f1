package dev.sqsredrive.mover;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.time.Ticker;

/**
 * What a stage test of one run starts with: scripted SQS answers, the DLQ as a source, retries that do not
 * sleep, and the run's shared state with a journal in a directory of the test's.
 */
final class ScriptedRun implements AutoCloseable {

    final FakeQueueOps ops = new FakeQueueOps();
    final Source source = ops.endpoint().source("http://q/dlq");
    final Retry retry = new Retry(d -> { }, () -> 0L, SqsFailures.INSTANCE);
    final RunLedger ledger = new RunLedger(true);
    final Set<String> pending = ConcurrentHashMap.newKeySet();
    final Set<String> deleteFailed = ConcurrentHashMap.newKeySet();
    final RunState state;

    private final Path journalFile;

    ScriptedRun(Path dir) {
        journalFile = dir.resolve("j.log");
        state = new RunState(ledger, Journal.open(journalFile, "{}"), pending, deleteFailed, () -> 0L);
    }

    /** The run's journal, as a later run reads it. */
    Path journalFile() {
        return journalFile;
    }

    /** One receive's messages, held for 30 s from time 0 (the clock stands still). */
    Hold hold(List<Msg> ms) {
        return hold(ms, () -> 0L);
    }

    /** One receive's messages, held for 30 s from time 0 on this ticker. */
    Hold hold(List<Msg> ms, Ticker ticker) {
        return held(ticker).hold(ms, 0);
    }

    /** What the run holds, receive by receive, with a visibility of 30 s on this ticker. */
    HeldMessages held(Ticker ticker) {
        return new HeldMessages(source, ticker, Duration.ofSeconds(30), retry);
    }

    @Override
    public void close() {
        state.journal().close();
    }
}
