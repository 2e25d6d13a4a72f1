package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's workers, each a pipeline of three calls in flight: its receiving half ({@link ReceiveAhead})
 * receives the next batch while the worker sends this one (send stage), and the delete stage deletes what
 * arrived off the worker ({@link DeleteLine}). The worker gives back what was not moved. Drain detection
 * decides when an empty receive means the DLQ is drained; the calling thread ticks meanwhile.
 * <p>
 * One thread model: both halves of every worker, the deletes and the visibility calls run on virtual threads
 * (named as below for thread dumps), blocking straight-line in their SQS calls; hand-overs between them wake on
 * the other side's move ({@link HandOff}, latches), and the only timed waits are the tick and a stop's grace,
 * on the injected clock. Virtual threads never hold the JVM up at exit, as the daemon threads before did not.
 */
final class Workers {

    /** What the calling thread does every tick while the workers run. */
    @FunctionalInterface
    interface Tick {
        void run() throws InterruptedException;
    }

    private final MoverConfig config;
    private final RunStop stop;
    private final BatchMover batches;
    private final OnePass onePass;
    private final Clocks clocks;
    private final DrainDetector drain;
    private final ReceiveAhead.Shared shared;
    private final AtomicLong lastMovedAt = new AtomicLong();
    private final ConcurrencyLimit limit;

    /** @param limit how many of the workers may work now; {@code limit.max()} are started */
    Workers(MoverConfig config, RunStop stop, SourceReceiver receiver, HeldMessages held, BatchMover batches,
            OnePass onePass, Clocks clocks, ConcurrencyLimit limit) {
        this.limit = limit;
        this.onePass = onePass;
        this.config = config;
        this.stop = stop;
        this.batches = batches;
        this.clocks = clocks;
        this.drain = new DrainDetector(limit.max(), limit::current, batches::deletesInLine);
        this.shared = new ReceiveAhead.Shared(config, stop, receiver, held, onePass, clocks,
                new LimitPermits(config.limit()), drain, batches::countReturns, limit);
    }

    DrainDetector drain() {
        return drain;
    }

    /** Ticker time of the last message moved; 0 if none was. */
    long lastMovedAt() {
        return lastMovedAt.get();
    }

    /**
     * Runs the workers until they end, then waits for the deletes they handed over, ticking meanwhile; after
     * a stop's grace, stops waiting for either.
     */
    void runAll(Tick tick) throws InterruptedException {
        limit.resume(); // a run taken back from "drained" runs its workers again
        CountDownLatch workersDone = new CountDownLatch(limit.max());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < limit.max(); i++) {
            ReceiveAhead ahead = new ReceiveAhead(shared, i);
            int worker = i;
            threads.add(start("redrive-receive-" + i, ahead::run));
            threads.add(start("redrive-mover-" + i, () -> {
                try {
                    work(worker, ahead);
                } finally {
                    ahead.workerGone();
                    workersDone.countDown();
                }
            }));
        }
        // Woken by the last worker's end; the tick is the timed part (progress, holds kept hidden, journal).
        while (!clocks.sleeper().sleepUntil(workersDone, config.tick())) {
            if (!tickUntilStopBy(tick)) {
                return; // a worker stuck in a call: left to its call's timeout, the summary does not wait
            }
        }
        CountDownLatch deletesEnded = batches.deletesEnded(); // no worker is left to hand over more
        while (!clocks.sleeper().sleepUntil(deletesEnded, config.tick())) {
            if (!tickUntilStopBy(tick)) {
                return; // a delete stuck in its call: its messages are released, a later run only deletes them
            }
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private boolean tickUntilStopBy(Tick tick) throws InterruptedException {
        tick.run();
        return clocks.ticker().nanos() <= stop.stopBy();
    }

    private static Thread start(String name, Runnable body) {
        return Thread.ofVirtual().name(name).start(body);
    }

    /** Moves what the receiving half hands over until it stops; moves all it was handed, as a stop asks. */
    private void work(int worker, ReceiveAhead ahead) {
        try {
            for (ReceiveAhead.Received r = ahead.take(); r != ReceiveAhead.END; r = ahead.take()) {
                move(worker, ahead, r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop(StopReason.INTERRUPTED);
        } catch (RuntimeException e) {
            stop.fail(e);
        }
    }

    private void move(int worker, ReceiveAhead ahead, ReceiveAhead.Received r) throws InterruptedException {
        if (onePass.tripped() || stop.releaseRequested()) {
            // Received ahead of a tripped breaker or a cancel: not sent; parked, it is released at the end.
            ahead.giveBack(r, 0);
            return;
        }
        List<Msg> messages = r.messages();
        BatchMover.Done done = new BatchMover.Done(0, 0);
        try {
            done = batches.process(messages, r.hold(), clocks.wall().instant());
            if (done.moved() > 0) {
                lastMovedAt.accumulateAndGet(clocks.ticker().nanos(), Math::max);
                limit.moved(done.moved());
            }
        } finally {
            ahead.giveBack(r, done.counted());
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
