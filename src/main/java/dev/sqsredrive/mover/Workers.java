package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's workers, each looping: take --limit permits, receive (the receive stage), hold what came, move it
 * (send and delete stages), give back what was not moved. Drain detection decides when an empty receive
 * means the DLQ is drained; the calling thread ticks meanwhile.
 */
final class Workers {

    private static final Duration IDLE_PAUSE = Duration.ofMillis(200);
    private static final Duration PERMITS_PAUSE = Duration.ofMillis(50);

    /** What the calling thread does every tick while the workers run. */
    @FunctionalInterface
    interface Tick {
        void run() throws InterruptedException;
    }

    private final MoverConfig config;
    private final RunStop stop;
    private final SourceReceiver receiver;
    private final HeldMessages held;
    private final BatchMover batches;
    private final OnePass onePass;
    private final Clocks clocks;
    private final LimitPermits permits;
    private final DrainDetector drain;
    private final AtomicLong lastMovedAt = new AtomicLong();

    Workers(MoverConfig config, RunStop stop, SourceReceiver receiver, HeldMessages held, BatchMover batches,
            OnePass onePass, Clocks clocks) {
        this.onePass = onePass;
        this.config = config;
        this.stop = stop;
        this.receiver = receiver;
        this.held = held;
        this.batches = batches;
        this.clocks = clocks;
        this.permits = new LimitPermits(config.limit());
        this.drain = new DrainDetector(config.concurrency());
    }

    DrainDetector drain() {
        return drain;
    }

    /** Ticker time of the last message moved; 0 if none was. */
    long lastMovedAt() {
        return lastMovedAt.get();
    }

    /** Runs the workers until they end, ticking meanwhile; after a stop's grace, stops waiting for them. */
    void runAll(Tick tick) throws InterruptedException {
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
            tick.run();
            if (clocks.ticker().nanos() > stop.stopBy()) {
                return; // a worker stuck in a call: left to its call's timeout, the summary does not wait
            }
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private void work(int worker) {
        try {
            while (stop.reason() == null) {
                step(worker);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop(StopReason.INTERRUPTED);
        } catch (RuntimeException e) {
            stop.fail(e);
        }
    }

    private void step(int worker) throws InterruptedException {
        if (onePass.tripped()) {
            stop.stop(StopReason.RETURNED); // stop receiving; what other workers hold still goes its way
            return;
        }
        int canary = onePass.canaryTake(config.batchSize());
        if (canary == 0) {
            stop.await(PERMITS_PAUSE); // the canary waits: nothing is received, nothing held
            return;
        }
        try {
            step(worker, canary);
        } finally {
            onePass.canaryDone(canary);
        }
    }

    private void step(int worker, int atMost) throws InterruptedException {
        int want = permits.take(atMost);
        if (want == 0) {
            if (permits.usedUp()) {
                stop.stop(StopReason.LIMIT);
            } else {
                stop.await(PERMITS_PAUSE); // others may still give permits back
            }
            return;
        }
        // A worker that just found the DLQ empty polls short and briefly pauses between polls: only the last
        // busy worker's long poll decides that the DLQ is drained, and nobody then waits out a long poll.
        boolean idle = drain.idle(worker);
        List<Msg> messages;
        long askedAt = clocks.ticker().nanos();
        try {
            messages = receiver.receive(want, idle ? 0 : config.waitSeconds());
        } catch (RuntimeException | InterruptedException e) {
            permits.giveBack(want, 0);
            throw e;
        }
        if (messages == null || messages.isEmpty()) {
            permits.giveBack(want, 0);
            // a failed receive (null) is retried: it says nothing about the DLQ being empty
            if (messages != null && drain.empty(worker)) {
                stop.stop(StopReason.DRAINED);
            } else if (idle) {
                stop.await(IDLE_PAUSE);
            }
            return;
        }
        drain.received(worker);
        HeldMessages.Hold hold = held.hold(messages, askedAt);
        BatchMover.Done done = new BatchMover.Done(0, 0);
        try {
            done = batches.process(messages, hold, clocks.wall().instant());
            if (done.moved() > 0) {
                lastMovedAt.accumulateAndGet(clocks.ticker().nanos(), Math::max);
            }
        } finally {
            hold.finish();
            permits.giveBack(want, done.counted());
            drain.batchDone();
        }
        // One pass: a receive of nothing but returned messages says the DLQ has nothing more to give.
        if (done.returned() == messages.size() && drain.empty(worker)) {
            stop.stop(StopReason.DRAINED);
        }
        if (onePass.tripped()) {
            stop.stop(StopReason.RETURNED);
        }
    }
}
