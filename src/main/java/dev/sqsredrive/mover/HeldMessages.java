package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sqsredrive.time.Ticker;

/**
 * The DLQ messages this run holds (received, hidden from other consumers by their visibility timeout):
 * those being moved, and those parked until the end (left by a filter, failed, or copied), so that the
 * scan goes on past them instead of receiving them again and again.
 * <p>
 * A hold counts a message hidden only until what SQS confirmed: the time the receive, or the last
 * visibility change that succeeded, was <em>sent</em>, plus its timeout. It is extended before half of that
 * is left (from the ticking thread, without waiting for the call, so a stuck call delays nothing), and one
 * whose hidden time is nearly up is not sent: it may be another consumer's by now. A MessageId received
 * again while another hold of this run has it is never sent twice. At the end, or on a stop, what is still
 * held is released at once (visibility 0), within a bounded time.
 */
final class HeldMessages {

    /** Parked messages are extended in longer steps: fewer calls on a long scan. */
    static final Duration PARKED_VISIBILITY = Duration.ofMinutes(2);

    private final Ticker ticker;
    private final Duration visibility;
    private final VisibilityCalls calls;
    private final Set<Hold> holds = ConcurrentHashMap.newKeySet();
    /** The hold with each MessageId's latest receipt handle. */
    private final Map<String, Hold> holderOf = new ConcurrentHashMap<>();

    HeldMessages(Source source, Ticker ticker, Duration visibility, Retry retry) {
        this.ticker = ticker;
        this.visibility = visibility;
        this.calls = new VisibilityCalls(source, ticker, retry);
    }

    /** @param askedAt when the receive was sent: the visibility SQS gives runs from no earlier */
    Hold hold(List<Msg> messages, long askedAt) {
        Hold h = new Hold(messages, askedAt, ticker, visibility, calls, holderOf);
        for (Msg m : messages) {
            Hold previous = holderOf.put(m.id(), h);
            if (previous != null && previous != h) {
                h.markReceivedAgain(m.id());
                if (!previous.handOver(m.id())) {
                    h.keepHiddenOnly(m.id());
                }
            }
        }
        holds.add(h);
        return h;
    }

    /** How many messages this run holds now. */
    long count() {
        long n = 0;
        for (Hold h : holds) {
            n += h.size();
        }
        return n;
    }

    /** True when this run holds the message now. */
    boolean holds(String id) {
        Hold h = holderOf.get(id);
        return h != null && h.heldCopy(id) != null;
    }

    /** Called every tick: extends what is about to become visible while still held. Never waits for a call. */
    void keepAlive() {
        for (Hold h : holds) {
            if (h.empty()) {
                holds.remove(h);
            } else {
                h.keepAlive();
            }
        }
    }

    /**
     * Releases everything still held (visibility 0) at the end of a run, waiting at most {@code within}:
     * what could not be released by then becomes visible again when its visibility runs out.
     *
     * @return how many messages were not confirmed released
     */
    int releaseAll(Duration within) throws InterruptedException {
        List<Msg> all = new ArrayList<>();
        for (Hold h : holds) {
            all.addAll(h.drain());
        }
        holds.clear();
        holderOf.clear();
        return calls.releaseAll(all, within);
    }
}
