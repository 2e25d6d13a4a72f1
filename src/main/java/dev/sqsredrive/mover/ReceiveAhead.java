package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A worker's receiving half: while the worker sends one receive's messages, its next receive is already under
 * way. What a receive brings is held (hidden, {@link HeldMessages}) from the moment it came, and handed to the
 * worker when it is ready for it: one receive ahead at most, so a stop finds at most one batch per worker
 * received and not sent. Before each receive, as before the pipeline: the breaker is looked at, the canary's
 * and --limit's permits are taken (a receive ahead never receives past either), and drain detection decides
 * between a long and a short poll. Before all that, the worker waits for its turn ({@link ConcurrencyLimit}).
 */
final class ReceiveAhead {

    /**
     * Pauses of their own length, on the injected clock and cut short by a stop: between short polls of a
     * worker that found the DLQ empty (pacing the calls on an empty queue is what it is for), and while the
     * canary or --limit has no permit for now (given back by whichever worker ends its batch; a worker
     * pausing 50 ms is cheaper than one more signal on every batch's path).
     */
    private static final Duration IDLE_PAUSE = Duration.ofMillis(200);
    private static final Duration PERMITS_PAUSE = Duration.ofMillis(50);

    /** One receive, held, with the permits it took; {@link #END} says the receiving half has stopped. */
    record Received(int canary, int want, List<Msg> messages, Hold hold) {
    }

    static final Received END = new Received(0, 0, List.of(), null);

    /** What both halves of a worker share. */
    record Shared(MoverConfig config, RunStop stop, SourceReceiver receiver, HeldMessages held, OnePass onePass,
                  Clocks clocks, LimitPermits permits, DrainDetector drain, Consumer<List<Msg>> countReturns,
                  ConcurrencyLimit limit) {
    }

    private final Shared s;
    private final int worker;
    private final HandOff<Received> handOff = new HandOff<>();
    private volatile boolean workerGone;

    ReceiveAhead(Shared shared, int worker) {
        this.s = shared;
        this.worker = worker;
    }

    /** The receiving thread: receives until the run stops, then hands over {@link #END}. */
    void run() {
        try {
            while (s.stop().reason() == null && !workerGone) {
                Received r = receiveOnce();
                if (r != null && !handOff.give(r)) {
                    giveBack(r, 0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.stop().stop(StopReason.INTERRUPTED);
        } catch (RuntimeException e) {
            s.stop().fail(e);
        } finally {
            try {
                handOff.give(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The worker's side: the next receive, or {@link #END}. */
    Received take() throws InterruptedException {
        return handOff.take();
    }

    /** The worker ended (an error, or its END taken): nothing more is handed over; a hand-over waiting ends. */
    void workerGone() {
        workerGone = true;
        handOff.takerGone();
    }

    /** The worker is done with a receive (moved what it could of it): its permits and counts go back. */
    void giveBack(Received r, int counted) {
        r.hold().finish(); // what is still held stays parked until the end
        s.permits().giveBack(r.want(), counted);
        s.drain().batchDone();
        s.onePass().canaryDone(r.canary());
    }

    /** @return what one receive brought, held; null when it brought nothing (paused as fits, permits given back) */
    private Received receiveOnce() throws InterruptedException {
        s.limit().awaitTurn(worker); // waits holding nothing: no permit taken, nothing received
        if (stoppedByReturns() || s.stop().reason() != null) {
            return null;
        }
        int canary = s.onePass().canaryTake(s.config().batchSize());
        if (canary == 0) {
            s.stop().await(PERMITS_PAUSE); // the canary waits: nothing is received, nothing held
            return null;
        }
        Received got = null;
        try {
            got = receive(canary);
            return got;
        } finally {
            if (got == null) {
                s.onePass().canaryDone(canary);
            }
        }
    }

    private Received receive(int canary) throws InterruptedException {
        LimitPermits permits = s.permits();
        int want = permits.take(canary);
        if (want == 0) {
            if (permits.usedUp()) {
                s.stop().stop(StopReason.LIMIT);
            } else {
                s.stop().await(PERMITS_PAUSE); // others may still give permits back
            }
            return null;
        }
        // A worker that just found the DLQ empty polls short and briefly pauses between polls: only the last
        // busy worker's long poll decides that the DLQ is drained, and nobody then waits out a long poll.
        DrainDetector drain = s.drain();
        boolean idle = drain.idle(worker);
        List<Msg> messages;
        long askedAt = s.clocks().ticker().nanos();
        try {
            messages = s.receiver().receive(want, idle ? 0 : s.config().waitSeconds());
        } catch (RuntimeException | InterruptedException e) {
            permits.giveBack(want, 0);
            throw e;
        }
        if (messages == null || messages.isEmpty()) {
            permits.giveBack(want, 0);
            // a failed receive (null) is retried: it says nothing about the DLQ being empty
            if (messages != null && drain.empty(worker)) {
                s.stop().stop(StopReason.DRAINED);
            } else if (idle) {
                s.stop().await(IDLE_PAUSE);
            }
            return null;
        }
        drain.received(worker);
        Received got = new Received(canary, want, messages, s.held().hold(messages, askedAt));
        s.countReturns().accept(messages);
        stoppedByReturns(); // at once: sends still waiting for the rate then stay in the DLQ
        return got;
    }

    /** The breaker tripped: the run stops receiving; calls under way finish, unsent batches stay in the DLQ. */
    private boolean stoppedByReturns() {
        if (!s.onePass().tripped()) {
            return false;
        }
        s.stop().stop(StopReason.RETURNED);
        return true;
    }
}
