package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sqsredrive.mover.guard.Canary;
import dev.sqsredrive.mover.guard.MovedIds;
import dev.sqsredrive.mover.guard.ReturnBreaker;
import dev.sqsredrive.time.Ticker;

/**
 * The one-pass rule (docs/MOVER.md, "Safe redrive") and the guards that watch what comes back, as the stages consult
 * them: the send stage records what it moved (the source's MessageId and the one the destination gave), the
 * sort step asks {@link #cameBack} of every message received, the workers ask {@link #tripped} between batches
 * and {@link #canaryTake} before each receive.
 * <p>
 * A returned message is counted once however often it is received again: a FIFO one is released at once and
 * comes straight back on the next receive.
 */
final class OnePass {

    private final MovedIds moved = new MovedIds();
    private final Set<String> counted = ConcurrentHashMap.newKeySet();
    /** Delivered, left in the DLQ to be sent again ({@link #sendAgain}): few, and only after a failed write. */
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    /** Per fingerprint, the copies of earlier runs' unrecorded sends not yet seen back ({@link #unrecordedCopies}). */
    private final Map<String, Integer> copiesToCome = new ConcurrentHashMap<>();
    /** The messages those copies were made of: still in the DLQ, they are sent again, never taken for a copy. */
    private final Set<String> originals = ConcurrentHashMap.newKeySet();
    private final RunLedger ledger;
    private final ReturnBreaker breaker;
    private final Canary canary;
    private final Ticker ticker;
    private final boolean copy;
    private volatile long firstMoveAt;
    /** Canary messages received and not yet through the send stage: with several workers, N is never exceeded. */
    private long canaryHeld;

    /** @param canary null for no --canary */
    OnePass(RunLedger ledger, ReturnBreaker breaker, Canary canary, Ticker ticker, boolean copy) {
        this.ledger = ledger;
        this.breaker = breaker;
        this.canary = canary;
        this.ticker = ticker;
        this.copy = copy;
    }

    /** What earlier runs of a resumed task moved (their journals): those count as moved by this run. */
    void movedBefore(Collection<String> ids) {
        ids.forEach(moved::add);
    }

    /**
     * Earlier runs' sends with no recorded outcome (killed between the send's answer and its journal line): a copy
     * that reached the destination and dead-lettered back has a MessageId no journal holds, so it is known by its
     * fingerprint, at most as many copies per fingerprint as there were such sends (docs/MOVER.md, "One pass").
     */
    void unrecordedCopies(Map<String, Integer> byFingerprint, Collection<String> originalIds) {
        copiesToCome.putAll(byFingerprint);
        originals.addAll(originalIds);
    }

    /** The destination confirmed this message; {@code given} is the MessageId it gave it, or null. */
    void moved(Msg m, String given) {
        if (firstMoveAt == 0) {
            firstMoveAt = ticker.nanos();
        }
        if (!copy) {
            moved.add(m.id()); // a copy stays in the DLQ, parked: seeing it again is no return
        }
        if (given != null) {
            given(given);
        }
    }

    /**
     * A MessageId the destination gave a copy of a message, confirmed or not (an answer whose MD5s do not match
     * what was sent: the copy may have arrived altered): received again, that copy came back.
     */
    void given(String messageId) {
        moved.add(messageId);
    }

    /** The canary's share of {@code count} confirmed messages. */
    void movedCount(int count) {
        if (canary != null && count > 0 && canary.phase() == Canary.Phase.MOVING) {
            canary.moved(count); // its verdict speaks of its N, not of what moved after it passed
        }
    }

    /**
     * Delivered, but left in the DLQ to be sent again (its archive or journal line could not be written): seen
     * again, it is no return.
     */
    void sendAgain(Msg m) {
        again.add(m.id());
    }

    /** True when this run (or the run it resumes) moved the message before: it came back to the DLQ. */
    boolean cameBack(Msg m) {
        boolean known = moved.contains(m.id()) && !again.contains(m.id());
        if (!known && !counted.contains(m.id()) && !copyOfAnUnrecordedSend(m)) {
            return false;
        }
        if (counted.add(m.id())) {
            long returned = ledger.cameBack();
            if (canary != null) {
                canary.back(returned);
            }
        }
        return true;
    }

    private boolean copyOfAnUnrecordedSend(Msg m) {
        if (m.fingerprint() == null || copiesToCome.isEmpty() || originals.contains(m.id())) {
            return false;
        }
        boolean[] taken = {false};
        copiesToCome.computeIfPresent(m.fingerprint(), (fp, n) -> {
            taken[0] = true;
            return n > 1 ? n - 1 : null;
        });
        return taken[0];
    }

    /** The breaker: true once more came back than --max-returned allows. */
    boolean tripped() {
        return breaker.tripped(ledger.moved(), ledger.returned());
    }

    /** The breaker's one line. */
    String trippedLine() {
        long since = firstMoveAt == 0 ? 0 : ticker.nanos() - firstMoveAt;
        return ReturnBreaker.message(ledger.moved(), ledger.returned(), Duration.ofNanos(since));
    }

    Canary canary() {
        return canary;
    }

    /** How many of {@code want} messages may be received now: the canary's rest, none while it waits. */
    synchronized int canaryTake(int want) {
        if (canary == null) {
            return want;
        }
        return switch (canary.phase()) {
            case PASSED -> want;
            case WAITING, FAILED -> 0;
            case MOVING -> {
                int n = (int) Math.max(0, Math.min(want, canary.permits() - canaryHeld));
                canaryHeld += n;
                yield n;
            }
        };
    }

    /** The receive that took {@code taken} canary permits is through the send stage. */
    synchronized void canaryDone(int taken) {
        if (canary != null) {
            canaryHeld = Math.max(0, canaryHeld - taken);
        }
    }
}
