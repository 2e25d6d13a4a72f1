package dev.sqsredrive.mover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Moves the messages of one receive: sorts them (finish what an earlier send left, filter, hold back broken
 * FIFO groups, route, check), then hands them to the send stage per destination, which hands what arrived
 * to the delete stage (off the worker: {@link DeleteLine}; an earlier run's sends are deleted in line).
 * Whatever is not moved stays held (parked) until the run ends, then is released.
 */
final class BatchMover {

    static final String GROUP_BROKEN = SendStage.GROUP_BROKEN;

    /**
     * The seam a run's stages work on.
     *
     * @param source where messages are deleted from once delivered
     * @param sinks  the sink of each destination
     * @param retry  how every batch call is retried
     * @param guard  consulted before each send (the rate); says when the run must stop
     */
    record Seam(Source source, Function<Destination, Sink> sinks, Retry retry, SendGuard guard) {
    }

    private final MoverConfig config;
    private final Routing routing;
    private final RunState state;
    private final DryRunReport dryRun;
    private final SendStage sends;
    private final DeleteStage deletes;
    private final DeleteLine deleteLine;
    /**
     * What earlier runs sent and did not delete, as the run began: a message this run sent and receives again
     * before its own delete ended (it stopped past the visibility timeout) is only deleted too, but it was
     * counted moved when it was sent, and no earlier run sent it.
     */
    private final Set<String> earlierRunsSent;

    /**
     * @param dryRun the report to fill in a dry run, else null
     * @param stop   told of a delete that failed off the worker
     */
    BatchMover(MoverConfig config, Routing routing, RunState state, DryRunReport dryRun, Seam seam, RunStop stop) {
        this.config = config;
        this.routing = routing;
        this.state = state;
        this.dryRun = dryRun;
        this.earlierRunsSent = Set.copyOf(state.pending());
        this.deletes = new DeleteStage(seam.source(), seam.retry(), state);
        this.deleteLine = new DeleteLine(deletes, stop, config.concurrency());
        this.sends = new SendStage(config.copy(), seam.sinks(), seam.retry(), state, seam.guard(), deleteLine);
    }

    /**
     * Opens when the deletes handed to the delete stage so far have ended: waited for before the run counts
     * what it left behind and releases what it holds (a delivered message released before its delete comes
     * back). Asked once no more deletes are handed over.
     */
    /** Deletes handed over and not yet ended. */
    int deletesInLine() {
        return deleteLine.inLine();
    }

    java.util.concurrent.CountDownLatch deletesEnded() {
        return deleteLine.ended();
    }

    /**
     * What one receive came to.
     *
     * @param moved   messages moved (sent, or deleted after an earlier run's send), or in a dry run that would move
     * @param counted what --limit counts of them: not a delete that finishes an earlier run's send, which that
     *                run's limit counted
     * @param returned messages that came back (moved by this run before): left in the DLQ
     */
    record Done(int moved, int counted, int returned) {

        Done(int moved, int counted) {
            this(moved, counted, 0);
        }
    }

    /**
     * Counts the returned messages of a receive as soon as it arrives, as {@link #process} will sort them: the
     * breaker then trips while the worker that is to process them may still wait for the rate with an earlier
     * receive.
     */
    void countReturns(List<Msg> messages) {
        for (Msg m : messages) {
            if (!finishesAnEarlierSend(m)) {
                state.onePass().cameBack(m);
            }
        }
    }

    private boolean finishesAnEarlierSend(Msg m) {
        return state.journal() != null && state.pending().contains(m.id());
    }

    Done process(List<Msg> messages, Hold hold, Instant now) throws InterruptedException {
        RunLedger ledger = state.ledger();
        if (config.scan() != null) { // inspect: look, keep hidden without the bodies, release at the end
            List<Msg> fresh = messages.stream().filter(m -> !hold.receivedAgain(m.id())).toList(); // seen once
            fresh.forEach(config.scan());
            hold.keepOnlyHandles();
            ledger.scanned(fresh.size());
            return new Done(fresh.size(), fresh.size());
        }
        List<Msg> deleteOnly = new ArrayList<>();
        Map<Destination, List<Msg>> byDestination = new LinkedHashMap<>();
        List<Msg> cameBack = new ArrayList<>();
        for (Msg m : messages) {
            if (finishesAnEarlierSend(m)) {
                deleteOnly.add(m); // sent before, by this run or a crashed one: finish it, do not send again
                continue;
            }
            if (state.onePass().cameBack(m)) {
                cameBack.add(m); // one pass: left in the DLQ, and its FIFO group is not broken by it
                continue;
            }
            if (!MessageFilter.all(config.filters(), m, now)) {
                ledger.filteredOut();
                continue;
            }
            if (state.brokenGroups().holdsBack(m)) {
                ledger.left(GROUP_BROKEN, 1);
                continue;
            }
            Routing.Route route = routing.route(m);
            String problem = route.problem() != null ? route.problem() : route.destination().refusal(m);
            if (problem != null) {
                ledger.left(problem, 1);
                state.brokenGroups().breakAt(m);
                continue;
            }
            byDestination.computeIfAbsent(route.destination(), d -> new ArrayList<>()).add(m);
        }
        releaseFifo(cameBack, hold);
        if (dryRun != null) {
            byDestination.forEach((d, ms) -> ms.forEach(m -> dryRun.add(d.name(), m)));
            int wouldMove = byDestination.values().stream().mapToInt(List::size).sum();
            ledger.wouldMove(wouldMove);
            return new Done(wouldMove, wouldMove);
        }
        int deleted = 0;
        if (!deleteOnly.isEmpty()) {
            // What this run sent was counted moved when it was sent; only an earlier run's messages move now, once
            // (the delete stage returns only the deletes that came first).
            Set<String> gone = deletes.delete(deleteOnly, hold);
            deleted = (int) gone.stream().filter(earlierRunsSent::contains).count();
            ledger.finishedEarlierSend(deleted);
        }
        int sent = 0;
        BrokenGroups refusedGroups = new BrokenGroups();
        for (Map.Entry<Destination, List<Msg>> e : byDestination.entrySet()) {
            sent += sends.send(e.getKey(), e.getValue(), hold, refusedGroups);
        }
        return new Done(deleted + sent, sent, cameBack.size());
    }

    /**
     * A returned message of a standard queue stays parked (hidden) until the run ends, like a filtered one:
     * released at once, ElasticMQ hands it back on every receive and the scan never gets past it. A FIFO one
     * is released at once instead: parked, it would hide the rest of its group for the whole run.
     */
    private static void releaseFifo(List<Msg> cameBack, Hold hold) throws InterruptedException {
        List<Msg> fifo = cameBack.stream().filter(m -> BrokenGroups.groupOf(m) != null).toList();
        if (!fifo.isEmpty()) {
            hold.release(fifo);
        }
    }
}
