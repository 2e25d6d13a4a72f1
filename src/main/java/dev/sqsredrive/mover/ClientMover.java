package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import dev.sqsredrive.mover.guard.Canary;
import dev.sqsredrive.mover.guard.ReturnBreaker;

/**
 * The client-side mover: {@code concurrency} {@link Workers}, each a pipeline receive (long poll, up to 10, one
 * ahead) → send (batches) → delete (exactly what was confirmed, off the worker), under one shared token
 * bucket, on the seam of a {@link Source} and the {@link Sink}s a {@link QueueEndpoint} opens. The calling
 * thread ticks: reports progress, keeps held messages hidden, syncs the journal, until the workers are done.
 * <p>
 * The run ends when the DLQ is drained (an empty receive while this run held nothing), after --limit
 * messages, or on {@link #stop}: receiving stops, sends under way finish with their deletes, messages
 * held but not sent are released at once (visibility 0).
 * <p>
 * The stop path is bounded even when the endpoint is dead: after a cancel, an interrupt or an error no retry
 * starts later than {@link #STOP_GRACE} and the workers are waited for no longer (a call still under way is
 * left to its own timeout, its messages to their visibility timeout), the release gets {@link #RELEASE_WAIT}.
 */
public final class ClientMover {

    /** After a stop that releases (cancel, interrupt, error): how long work under way may still take. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** How long the final release (visibility 0) is waited for. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(4);
    /**
     * A scan (`inspect`) holds the whole DLQ to its end: 100,000 messages are 10,000 release calls, which the
     * move's few seconds do not cover, and what is not released stays hidden for the rest of its visibility.
     */
    static final Duration SCAN_RELEASE_WAIT = Duration.ofSeconds(60);

    private final MoverConfig config;
    private final Clocks clocks;
    private final RunState state;
    private final RunStop stop;
    private final CallFailures failures;
    /** The DLQ, its calls not watched: the final count is made after the workers are done. */
    private final Source unwatched;
    private final HeldMessages held;
    /** How many messages the DLQ holds that this run does not (asks the source). */
    private final LongSupplier notHeld;
    private final Workers workers;
    private final DryRunReport dryRun;
    private final WhenDrained whenDrained;
    private final SilenceGuard silence;
    private final OnePass onePass;
    private final GuardWatch guards;
    private final ConcurrencyLimit limit;
    private volatile int notReleased;
    private volatile long startedAt;

    /**
     * @param queues  the kind of queue moved between: opens the DLQ's source and each destination's sink
     * @param journal where sends and deletes are recorded; null for --copy and --dry-run (nothing is deleted)
     * @param pending MessageIds that earlier runs sent but did not delete (from their journals)
     */
    public ClientMover(MoverConfig config, QueueEndpoint queues, Routing routing, Journal journal,
                       Set<String> pending, Clocks clocks) {
        this.config = config;
        this.clocks = clocks;
        this.failures = queues.failures();
        this.unwatched = queues.source(config.sourceUrl());
        this.limit = config.concurrencyLimit(clocks.ticker());
        AnswerWatch watch = new AnswerWatch(failures, clocks.ticker(), limit); // every call below goes through it
        this.silence = new SilenceGuard(watch, queues.attemptTimeout(), config.waitSeconds());
        Source source = watch.watch(unwatched);
        Map<Destination, Sink> sinks = new ConcurrentHashMap<>();
        Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(pending);
        RunLedger ledger = new RunLedger(journal != null);
        this.onePass = new OnePass(ledger, new ReturnBreaker(config.maxReturned()), config.canary() == null ? null
                : Canary.of(config.canary(), config.canaryWait(), config.maxReturned(), clocks.ticker()),
                clocks.ticker(), config.copy());
        this.state = new RunState(ledger, journal, waiting, ConcurrentHashMap.newKeySet(),
                ConcurrentHashMap.newKeySet(), new BrokenGroups(), onePass);
        this.dryRun = config.dryRun() ? new DryRunReport(config.showBodies()) : null;
        this.stop = new RunStop(clocks.ticker(), clocks.sleeper(), STOP_GRACE);
        stop.onStop(limit::stop);
        Retry retry = Retry.forRun(clocks, queues.attemptTimeout(), stop::stopBy, failures);
        java.util.function.Function<Destination, Sink> sinkOf =
                d -> sinks.computeIfAbsent(d, dd -> watch.watch(queues.sink(dd)));
        SendGuards send = SendGuards.of(config, clocks, stop, sinkOf, failures);
        this.guards = new GuardWatch(onePass, send.pressure(), source, failures, ledger, stop);
        this.held = new HeldMessages(source, clocks.ticker(), config.visibilityTimeout(), retry);
        this.notHeld = () -> source.approximateMessages() - held.count();
        SourceReceiver receiver = new SourceReceiver(source, failures, config, stop, notHeld, clocks.ticker());
        BatchMover batches = new BatchMover(config, routing, state, dryRun, new BatchMover.Seam(source, sinkOf,
                retry, send.guard()), stop);
        this.workers = new Workers(config, stop, receiver, held, batches, onePass, clocks, limit);
        this.whenDrained = new WhenDrained(config, stop, onePass, new InFlightWait(source::approximateMessages,
                held::count, clocks.ticker(), failures), workers.drain());
    }

    /**
     * Asks the run to stop; the first reason given is the one reported, except that a cancel, an interrupt
     * or an error overrides "drained" (which the run may still take back). Safe from any thread.
     */
    public void stop(StopReason reason) {
        stop.stop(reason);
    }

    /**
     * Ends the run as failed by this error, in order, with its summary: a state write that failed (the task's
     * record) is a failure of the run like any other, never an exit without one. Safe from any thread.
     */
    public void fail(RuntimeException e) {
        stop.fail(e);
    }

    /**
     * What the earlier runs' journals say of sends before this run: {@code unknown} were attempted with no
     * outcome recorded (a resend of one is a possible duplicate), {@code duplicatedUnreported} were delivered
     * more than once by killed runs that never reported it; {@code everyone} when every message may have been
     * delivered before (a COMPLETED import sent again).
     */
    public void sentBefore(Set<String> unknown, int duplicatedUnreported, boolean everyone) {
        RunLedger ledger = state.ledger();
        ledger.unknownBefore(unknown);
        ledger.duplicatedBefore(duplicatedUnreported);
        if (everyone) {
            ledger.everyoneSentBefore();
        }
    }

    /** What the earlier runs of a resumed task moved (their journals): one pass, so they are not moved again. */
    public void movedBefore(ResumeState earlier) {
        onePass.movedBefore(earlier.moved());
        onePass.unrecordedCopies(earlier.unrecordedCopies(), earlier.maybeSent());
    }

    public MoveProgress progress() {
        long elapsed = startedAt == 0 ? 0 : clocks.ticker().nanos() - startedAt;
        RunLedger l = state.ledger();
        return new MoveProgress(l.moved(), l.failed(), l.skipped(), config.toMove(),
                Duration.ofNanos(elapsed), l.returned(), guards.viewLines(), limit.now());
    }

    /** Runs the move to its end; returns how it ended. */
    public MoveSummary run(ProgressListener listener) throws InterruptedException {
        startedAt = clocks.ticker().nanos();
        guards.start();
        DrainDetector drain = workers.drain();
        Workers.Tick tick = () -> tick(listener);
        do {
            workers.runAll(tick);
        } while (stop.reason() == StopReason.DRAINED
                && (!drain.confirm() || whenDrained.waitForInFlight(tick, listener)) && stop.takeBackDrained());
        if (stop.reason() == StopReason.DRAINED) {
            whenDrained.settleCanary(tick);
        }
        if (stop.reason() == StopReason.DRAINED) {
            // before the count, which subtracts what waits for a delete
            Drained.settle(state, notHeld, failures, held::holds);
        }
        // Counted before the release: what this run still holds is in the DLQ's count and is subtracted.
        LeftBehind left = stop.reason() != StopReason.DRAINED ? LeftBehind.NONE
                : LeftBehind.count(unwatched::approximateMessages, held.count(), state.deleteFailed().size(),
                        clocks.sleeper(), failures);
        if (config.copy() && config.sourceArn().endsWith(".fifo")) {
            left = left.copiedFifo();
        }
        notReleased = held.releaseAll(config.scan() == null ? RELEASE_WAIT : SCAN_RELEASE_WAIT);
        if (state.journal() != null) {
            try (Journal journal = state.journal()) {
                journal.reported();
            } catch (RuntimeException e) {
                // Without its R line a later run reports this run's possible duplicates again: more, never fewer.
                stop.fail(e);
            }
        }
        stop.end();
        MoveProgress last = progress();
        listener.onProgress(last);
        return summary(last.elapsed(), left);
    }

    private void tick(ProgressListener listener) throws InterruptedException {
        held.keepAlive();
        SilenceGuard.EndpointSilent silent = silence.check(listener);
        if (silent != null) {
            stop.fail(silent);
        }
        if (state.journal() != null) {
            try {
                state.journal().sync();
            } catch (RuntimeException e) {
                stop.fail(e); // the state directory failed: the run ends with its summary (docs/STATE.md)
            }
        }
        guards.tick(listener);
        listener.onProgress(progress());
    }

    private MoveSummary summary(Duration elapsed, LeftBehind left) {
        RunLedger l = state.ledger();
        boolean returned = stop.reason() == StopReason.RETURNED;
        String error = returned ? guards.stoppedLine() : stop.fatal() == null ? null
                : FatalLine.of(stop.fatal(), failures, silence, config.sourceArn(), notReleased);
        Map<String, Long> unreadable = unwatched.unreadable(); // no messages, so left where they are
        Map<String, Long> failures = new java.util.LinkedHashMap<>(l.failures());
        unreadable.forEach((why, n) -> failures.merge(why, n, Long::sum));
        boolean failed = stop.reason() == StopReason.FATAL || returned
                || (l.failed() > 0 || !unreadable.isEmpty()) && !config.dryRun();
        long lastMoved = workers.lastMovedAt();
        return new MoveSummary(MoveSummary.outcome(stop.reason(), failed, left),
                new MoveSummary.Counts(l.moved(), l.skipped(), l.duplicatesPossible(),
                        l.resumedDeletes(), state.deleteFailed().size(), failures, l.returned(),
                        l.unrecorded()),
                new MoveSummary.Timing(elapsed, lastMoved == 0 ? elapsed : Duration.ofNanos(lastMoved - startedAt),
                        limit.now()),
                left, error, dryRun, config.copy());
    }

    /** True when no message this run (or an earlier one) sent is still waiting for its delete. */
    public boolean nothingPending() {
        return state.pending().isEmpty();
    }

    /**
     * How many held messages the end of the run could not release in time: they become visible again when
     * their visibility timeout runs out. A scan says so, since it promised them visible again at once.
     */
    public int notReleased() {
        return notReleased;
    }

    /** The dry run's report (null unless --dry-run), filled in as the run goes. */
    public DryRunReport dryRunReport() {
        return dryRun;
    }
}
