package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.sqsredrive.mover.guard.Backpressure;
import dev.sqsredrive.mover.guard.Canary;
import dev.sqsredrive.mover.guard.DepthGrowth;

/**
 * The guards' side of the ticking thread: while the canary waits, nothing is received, so returns show only
 * in the DLQ's depth ({@link DepthGrowth}: read at the start, then each tick of the wait, against what this
 * run deleted); the canary's verdict is said once; a pause of the backpressure is told when it starts and
 * ends. A canary that failed stops the run like the breaker.
 */
final class GuardWatch {

    private final OnePass onePass;
    private final Backpressure pressure;
    private final Source source;
    private final CallFailures failures;
    private final RunLedger ledger;
    private final RunStop stop;
    private final DepthGrowth growth = new DepthGrowth();
    private boolean verdictSaid;
    private String pausedSaid;

    /** @param pressure null without --max-backlog */
    GuardWatch(OnePass onePass, Backpressure pressure, Source source, CallFailures failures, RunLedger ledger,
               RunStop stop) {
        this.onePass = onePass;
        this.pressure = pressure;
        this.source = source;
        this.failures = failures;
        this.ledger = ledger;
        this.stop = stop;
    }

    /** Before the first receive: the DLQ's depth the canary's wait is measured against. */
    void start() {
        if (onePass.canary() != null) {
            Long depth = depth();
            if (depth != null) {
                growth.read(depth, 0);
            }
        }
    }

    void tick(ProgressListener listener) {
        Canary canary = onePass.canary();
        if (canary != null) {
            if (canary.phase() == Canary.Phase.WAITING) {
                Long depth = depth();
                if (depth != null) {
                    canary.back(Math.max(ledger.returned(), growth.read(depth, ledger.deleted())));
                }
            }
            Canary.Phase phase = canary.phase();
            if (!verdictSaid && (phase == Canary.Phase.PASSED || phase == Canary.Phase.FAILED)) {
                verdictSaid = true;
                listener.note(canary.verdict());
            }
            if (phase == Canary.Phase.FAILED) {
                stop.stop(StopReason.RETURNED);
            }
        }
        if (pressure != null) {
            String paused = pressure.status().orElse(null);
            if (!Objects.equals(paused, pausedSaid)) {
                listener.note(paused == null ? "backpressure: sending again" : "backpressure " + paused);
                pausedSaid = paused;
            }
        }
    }

    /**
     * What holds the run right now, for the live view: the canary's line while it moves or waits (its
     * verdict is said once, as a note), the backpressure's while a destination is paused.
     */
    List<String> viewLines() {
        List<String> lines = new ArrayList<>(2);
        Canary canary = onePass.canary();
        if (canary != null && (canary.phase() == Canary.Phase.MOVING || canary.phase() == Canary.Phase.WAITING)) {
            lines.add(canary.viewLine());
        }
        if (pressure != null) {
            pressure.status().ifPresent(lines::add);
        }
        return lines;
    }

    /** The one line of a run stopped by returns: the canary's verdict, or the breaker's. */
    String stoppedLine() {
        Canary canary = onePass.canary();
        return canary != null && canary.phase() == Canary.Phase.FAILED ? canary.verdict() : onePass.trippedLine();
    }

    /** The DLQ's depth (visible and in flight), or null when it cannot be read this tick. */
    private Long depth() {
        try {
            return source.approximateMessages();
        } catch (RuntimeException e) {
            if (failures.classify(e) == null) {
                throw e;
            }
            return null;
        }
    }
}
