package dev.sqsredrive.mover;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.time.Ticker;
import dev.sqsredrive.time.Sleeper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The client-side mover: {@code concurrency} workers, each looping receive (long poll, up to 10) → send
 * (batches) → delete (exactly what was confirmed), under one shared token bucket. The calling thread
 * ticks: reports progress, keeps held messages hidden, syncs the journal, until the workers are done.
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

    private static final Duration IDLE_PAUSE = Duration.ofMillis(200);
    private static final Duration IN_FLIGHT_POLL = Duration.ofSeconds(1);
    /** After a stop that releases (cancel, interrupt, error): how long work under way may still take. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** How long the final release (visibility 0) is waited for. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(4);

    private final MoverConfig config;
    private final QueueOps ops;
    private final Sleeper sleeper;
    private final Journal journal;
    private final Set<String> pending;
    private final Clock clock;
    private final Ticker ticker;
    private final RatePacer pacer;
    private final SourceReceiver source;
    private final MoveCounters counters = new MoveCounters();
    private final HeldMessages held;
    /** How many messages the DLQ holds that this run does not (asks SQS). */
    private final LongSupplier notHeld;
    private final BatchMover batchMover;
    private final DryRunReport dryRun;
    private final Long toMove;
    private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final LimitPermits permits;
    private final InFlightWait inFlight;
    private final DrainDetector drain;
    private final Set<String> deleteFailed = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastMovedAt = new AtomicLong();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final AtomicLong stopBy = new AtomicLong(Long.MAX_VALUE);
    private final SilenceGuard silence;
    private volatile boolean ended;
    private volatile int notReleased;
    private volatile long startedAt;

    /**
     * @param journal where sends and deletes are recorded; null for --copy and --dry-run (nothing is deleted)
     * @param pending MessageIds that earlier runs sent but did not delete (from their journals)
     * @param toMove  about how many messages there are to move, if known
     * @param dryRun  the report to fill in a dry run, else null
     */
    public ClientMover(MoverConfig config, QueueOps ops, Routing routing, Journal journal, Set<String> pending,
                       Long toMove, DryRunReport dryRun, Clock clock, Ticker ticker, Sleeper sleeper) {
        AnswerWatch watched = new AnswerWatch(ops, ticker); // every call below goes through it
        this.silence = new SilenceGuard(watched, ops.attemptTimeout(), config.waitSeconds());
        this.config = config;
        this.ops = ops;
        this.sleeper = sleeper;
        this.journal = journal;
        this.pending = ConcurrentHashMap.newKeySet();
        this.pending.addAll(pending);
        this.toMove = toMove;
        this.dryRun = dryRun;
        this.clock = clock;
        this.ticker = ticker;
        // A call given up after twice the read timeout, as the SDK's own call timeout does, but never before
        // throttling has been ridden out; and no retry once a stop's grace is over.
        Duration budget = ops.attemptTimeout().multipliedBy(2);
        Retry retry = new Retry(sleeper, ticker, budget.compareTo(Retry.RIDE_OUT) > 0 ? budget : Retry.RIDE_OUT,
                stopBy::get);
        this.pacer = new RatePacer(config.rate() == null || config.dryRun() ? null
                : new RateLimiter(config.rate(), config.batchSize(), ticker), ticker, stopSignal, this::releaseRequested);
        this.held = new HeldMessages(watched, config.sourceUrl(), ticker, config.visibilityTimeout(), retry);
        this.notHeld = () -> watched.approximateMessages(config.sourceUrl()) - held.count();
        this.source = new SourceReceiver(watched, config, stopSignal, notHeld);
        this.permits = new LimitPermits(config.limit());
        this.drain = new DrainDetector(config.concurrency());
        this.inFlight = new InFlightWait(() -> watched.approximateMessages(config.sourceUrl()), held::count, ticker);
        this.batchMover = new BatchMover(config, watched, routing, journal, this.pending, deleteFailed, retry, counters,
                dryRun, pacer);
    }

    /**
     * Asks the run to stop; the first reason given is the one reported, except that a cancel, an interrupt
     * or an error overrides "drained" (which the run may still take back). Safe from any thread.
     */
    public void stop(StopReason reason) {
        if (reason == StopReason.DRAINED) {
            stopReason.compareAndSet(null, reason); // soft: workers see it between batches, no wake-up
            return;
        }
        StopReason current = stopReason.get();
        while ((current == null || current == StopReason.DRAINED) && !stopReason.compareAndSet(current, reason)) {
            current = stopReason.get();
        }
        if (reason != StopReason.LIMIT) {
            stopBy.compareAndSet(Long.MAX_VALUE, ticker.nanos() + STOP_GRACE.toNanos());
        }
        stopSignal.countDown();
    }

    public MoveProgress progress() {
        long elapsed = startedAt == 0 ? 0 : ticker.nanos() - startedAt;
        return new MoveProgress(counters.moved.get(), counters.failed.get(), counters.skipped.get(), toMove,
                Duration.ofNanos(elapsed));
    }

    /** Runs the move to its end; returns how it ended. */
    public MoveSummary run(ProgressListener listener) throws InterruptedException {
        startedAt = ticker.nanos();
        do {
            runWorkers(listener);
        } while (stopReason.get() == StopReason.DRAINED && (!drain.confirm() || waitForInFlight(listener))
                && stopReason.compareAndSet(StopReason.DRAINED, null));
        if (stopReason.get() == StopReason.DRAINED) {
            settleGone(); // before the count, which subtracts what still waits for its delete
        }
        // Counted before the release: what this run still holds is in the DLQ's count and is subtracted.
        LeftBehind left = stopReason.get() != StopReason.DRAINED ? LeftBehind.NONE
                : LeftBehind.count(() -> ops.approximateMessages(config.sourceUrl()), held.count(),
                        deleteFailed.size(), sleeper);
        ended = true;
        notReleased = held.releaseAll(RELEASE_WAIT);
        if (journal != null) {
            journal.close();
        }
        MoveProgress last = progress();
        listener.onProgress(last);
        return summary(last.elapsed(), left);
    }

    /**
     * The DLQ drained and holds nothing this run does not: a message sent whose delete was never confirmed is no
     * longer there (a delete whose answer was lost did it, and SQS then calls the receipt handle invalid), so
     * it waits for no delete, in this run or a later one.
     */
    private void settleGone() {
        if (journal == null || pending.isEmpty()) {
            return;
        }
        try {
            if (notHeld.getAsLong() > 0) {
                return;
            }
        } catch (SdkException e) {
            return; // cannot tell: they stay pending, and a later run deletes them if they are there
        }
        List<String> gone = List.copyOf(pending);
        journal.deleted(gone);
        gone.forEach(pending::remove);
        gone.forEach(deleteFailed::remove);
    }

    /** The DLQ looks drained: true to go on moving, after a pause, while an earlier run's messages come back. */
    private boolean waitForInFlight(ProgressListener listener) throws InterruptedException {
        if (!config.awaitInFlight() || !inFlight.keepWaiting(listener)) {
            return false;
        }
        tick(listener);
        stopSignal.await(IN_FLIGHT_POLL.toMillis(), TimeUnit.MILLISECONDS);
        drain.reset();
        return stopReason.get() == StopReason.DRAINED;
    }

    private void runWorkers(ProgressListener listener) throws InterruptedException {
        CountDownLatch workersDone = new CountDownLatch(config.concurrency());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < config.concurrency(); i++) {
            int worker = i;
            Thread t = new Thread(() -> {
                try {
                    work(worker);
                } finally {
                    workersDone.countDown();
                }
            }, "redrive-mover-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        while (!workersDone.await(config.tick().toMillis(), TimeUnit.MILLISECONDS)) {
            tick(listener);
            if (ticker.nanos() > stopBy.get()) {
                return; // a worker stuck in a call: left to its call's timeout, the summary does not wait
            }
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private void tick(ProgressListener listener) throws InterruptedException {
        held.keepAlive();
        SilenceGuard.EndpointSilent silent = silence.check(listener);
        if (silent != null) {
            fail(silent);
        }
        if (journal != null) {
            journal.sync();
        }
        listener.onProgress(progress());
    }

    private void work(int worker) {
        try {
            while (stopReason.get() == null) {
                step(worker);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(StopReason.INTERRUPTED);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** The first error stops the run and is the one reported; a worker left behind after the end is not heard. */
    private void fail(RuntimeException e) {
        if (!ended && fatal.compareAndSet(null, e)) {
            stop(StopReason.FATAL);
        }
    }

    private void step(int worker) throws InterruptedException {
        int want = permits.take(config.batchSize());
        if (want == 0) {
            if (permits.usedUp()) {
                stop(StopReason.LIMIT);
            } else {
                stopSignal.await(50, TimeUnit.MILLISECONDS); // others may still give permits back
            }
            return;
        }
        // A worker that just found the DLQ empty polls short and briefly pauses between polls: only the last
        // busy worker's long poll decides that the DLQ is drained, and nobody then waits out a long poll.
        boolean idle = drain.idle(worker);
        List<Message> messages;
        long askedAt = ticker.nanos();
        try {
            messages = source.receive(want, idle ? 0 : config.waitSeconds());
        } catch (RuntimeException | InterruptedException e) {
            permits.giveBack(want, 0);
            throw e;
        }
        if (messages == null || messages.isEmpty()) {
            permits.giveBack(want, 0);
            // a failed receive (null) is retried: it says nothing about the DLQ being empty
            if (messages != null && drain.empty(worker)) {
                stop(StopReason.DRAINED);
            } else if (idle) {
                stopSignal.await(IDLE_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        drain.received(worker);
        HeldMessages.Hold hold = held.hold(messages, askedAt);
        BatchMover.Done done = new BatchMover.Done(0, 0);
        try {
            done = batchMover.process(messages, hold, clock.instant());
            if (done.moved() > 0) {
                lastMovedAt.accumulateAndGet(ticker.nanos(), Math::max);
            }
        } finally {
            hold.finish();
            permits.giveBack(want, done.counted());
            drain.batchDone();
        }
    }

    private boolean releaseRequested() {
        StopReason r = stopReason.get();
        return r == StopReason.CANCELLED || r == StopReason.INTERRUPTED || r == StopReason.FATAL;
    }

    private MoveSummary summary(Duration elapsed, LeftBehind left) {
        boolean failed = stopReason.get() == StopReason.FATAL || counters.failed.get() > 0 && !config.dryRun();
        return new MoveSummary(MoveSummary.outcome(stopReason.get(), failed, left), counters.moved.get(),
                counters.failed.get(), counters.skipped.get(), counters.duplicatesPossible.get(),
                counters.resumedDeletes.get(), deleteFailed.size(), elapsed,
                lastMovedAt.get() == 0 ? elapsed : Duration.ofNanos(lastMovedAt.get() - startedAt),
                left, counters.failures(), fatal.get() == null ? null : message(fatal.get()), dryRun);
    }

    /** True when no message this run (or an earlier one) sent is still waiting for its delete. */
    public boolean nothingPending() {
        return pending.isEmpty();
    }

    private String message(RuntimeException e) {
        String unreleased = notReleased == 0 ? "" : "; " + notReleased + " held message(s) could not be released:"
                + " they become visible again when their visibility timeout runs out";
        if (e instanceof SilenceGuard.EndpointSilent) {
            return e.getMessage() + unreleased;
        }
        if (e instanceof SdkException sdk && Retry.noAnswer(sdk) && silence.silent()) {
            return silence.describe() + unreleased;
        }
        if (e instanceof SdkException sdk) {
            String name = QueueArns.name(config.sourceArn());
            return AwsErrors.translate(sdk, "the move from '" + name + "'").getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
