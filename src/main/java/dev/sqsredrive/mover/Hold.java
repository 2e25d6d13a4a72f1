package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.sqsredrive.time.Ticker;

/**
 * The messages of one receive, as {@link HeldMessages} holds them for the run: which are still held here and
 * until when SQS keeps them hidden, which this hold sent (or is sending), and which another receive got again.
 * Its visibility calls are the run's; {@code holderOf} is the run's index of the hold with each MessageId's
 * latest receipt handle, from which a message this hold is done with is taken out.
 */
final class Hold {

    private final Ticker ticker;
    private final Duration visibility;
    private final VisibilityCalls calls;
    private final Map<String, Hold> holderOf;
    private final Map<String, Msg> held = new LinkedHashMap<>();
    private final Map<String, Long> hiddenUntil = new HashMap<>();
    /** Sent, or being sent, by this hold: a later receive of one of these must not send it again. */
    private final Set<String> claimed = new HashSet<>();
    /** Received again while another hold was sending them: kept hidden here, never sent from here. */
    private final Set<String> notToSend = new HashSet<>();
    /** Held by another hold of this run when this receive got them again (rare: made when first needed). */
    private Set<String> receivedAgain;
    private boolean inUse = true;
    private boolean extending;

    Hold(List<Msg> messages, long askedAt, Ticker ticker, Duration visibility, VisibilityCalls calls,
         Map<String, Hold> holderOf) {
        this.ticker = ticker;
        this.visibility = visibility;
        this.calls = calls;
        this.holderOf = holderOf;
        messages.forEach(m -> {
            held.put(m.id(), m);
            hiddenUntil.put(m.id(), askedAt + visibility.toNanos());
        });
    }

    /** These are dealt with (moved): no longer held. */
    void done(Collection<Msg> messages) {
        synchronized (this) {
            messages.forEach(m -> {
                held.remove(m.id());
                hiddenUntil.remove(m.id());
            });
        }
        messages.forEach(m -> holderOf.remove(m.id(), this));
    }

    /**
     * Forgets what a scan has read (bodies, attributes): a scan of 100,000 messages holds them all until
     * it ends, and releasing them needs only their receipt handles.
     */
    synchronized void keepOnlyHandles() {
        held.replaceAll((id, m) -> new Msg(id, m.receiptHandle(), null, null, null));
    }

    /** True when another hold of this run held this message when this receive got it again. */
    synchronized boolean receivedAgain(String id) {
        return receivedAgain != null && receivedAgain.contains(id);
    }

    synchronized void markReceivedAgain(String id) {
        if (receivedAgain == null) {
            receivedAgain = new HashSet<>();
        }
        receivedAgain.add(id);
    }

    /** The worker is done with this receive; what is still held stays parked until the end. */
    synchronized void finish() {
        inUse = false;
    }

    /** Makes these visible again now. */
    void release(Collection<Msg> messages) throws InterruptedException {
        done(messages);
        calls.change(new ArrayList<>(messages), 0);
    }

    synchronized int size() {
        return held.size();
    }

    synchronized boolean empty() {
        return held.isEmpty();
    }

    /**
     * Called right before a send: the messages of the batch this hold may send, now marked as sent. Left
     * out: those no longer held here (received again by another hold), those kept for another hold's
     * send, and those whose hidden time is nearly up (less than a third of the visibility left, by what
     * SQS confirmed): those are released for a later receive to move. For FIFO ({@code groupOf} not
     * null) a left-out message holds back the rest of its group in the batch too, to keep the order.
     *
     * @return the messages to send, and the FIFO groups held back
     */
    Claim claim(List<Msg> batch, Function<Msg, String> groupOf) throws InterruptedException {
        List<Msg> send = new ArrayList<>();
        List<Msg> lapsing = new ArrayList<>();
        Set<String> heldBack = new HashSet<>();
        synchronized (this) {
            long margin = visibility.toNanos() / 3;
            long now = ticker.nanos();
            for (Msg m : batch) {
                String id = m.id();
                String group = groupOf == null ? null : groupOf.apply(m);
                boolean ours = held.containsKey(id) && !notToSend.contains(id);
                if (ours && (group == null || !heldBack.contains(group)) && hiddenUntil.get(id) - now >= margin) {
                    claimed.add(id);
                    send.add(m);
                    continue;
                }
                if (ours) {
                    lapsing.add(m);
                }
                if (group != null) {
                    heldBack.add(group);
                }
            }
        }
        if (!lapsing.isEmpty()) {
            release(lapsing);
        }
        return new Claim(send, heldBack);
    }

    /** How many of these (sent) messages were not surely hidden until now: another consumer may have them. */
    synchronized int mayHaveLapsed(Collection<Msg> messages) {
        long now = ticker.nanos();
        int n = 0;
        for (Msg m : messages) {
            if (lapsed(m, now)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether this message is not surely hidden until now: its receipt handle may be outdated (the process
     * stopped past its visibility timeout, and a receive may have handed it out again).
     */
    synchronized boolean lapsed(Msg m) {
        return lapsed(m, ticker.nanos());
    }

    private boolean lapsed(Msg m, long now) {
        Long until = hiddenUntil.get(m.id());
        return until == null || until < now;
    }

    /** The hold of this run with a message's latest receipt handle, and the message under that handle. */
    record Latest(Hold holder, Msg handle) {
    }

    /**
     * The message under the latest receipt handle this run holds for it: this hold's, or that of a later receive
     * that got it again while this hold was sending it (which keeps it hidden there and never sends it).
     */
    Latest latest(Msg m) {
        Hold other = holderOf.get(m.id());
        Msg copy = other == null || other == this ? null : other.heldCopy(m.id());
        return copy == null ? new Latest(this, m) : new Latest(other, copy);
    }

    /** The message as this hold received it (its receipt handle), while it holds it; else null. */
    synchronized Msg heldCopy(String id) {
        return held.get(id);
    }

    /** Another receive got this message again; false when this hold sent it or is sending it. */
    synchronized boolean handOver(String id) {
        if (claimed.contains(id)) {
            return false;
        }
        held.remove(id);
        hiddenUntil.remove(id);
        return true;
    }

    synchronized void keepHiddenOnly(String id) {
        notToSend.add(id);
    }

    /** Extends the visibility of what has less than half of it left; one call at a time, not waited for. */
    void keepAlive() {
        List<Msg> due = new ArrayList<>();
        Duration extension;
        long sentAt;
        synchronized (this) {
            sentAt = ticker.nanos();
            if (extending) {
                return;
            }
            for (Msg m : held.values()) {
                if (hiddenUntil.get(m.id()) - sentAt <= visibility.toNanos() / 2) {
                    due.add(m);
                }
            }
            if (due.isEmpty()) {
                return;
            }
            extension = inUse ? visibility : HeldMessages.PARKED_VISIBILITY;
            extending = true;
        }
        calls.extend(due, extension, confirmed -> confirm(confirmed, sentAt + extension.toNanos()));
    }

    private synchronized void confirm(Set<String> messageIds, long until) {
        extending = false;
        for (String id : messageIds) {
            hiddenUntil.computeIfPresent(id, (k, old) -> Math.max(old, until));
        }
    }

    /** Takes out what may be released now: all of a finished hold; of one still in use, what it never sent. */
    synchronized List<Msg> drain() {
        List<Msg> out = new ArrayList<>();
        for (Msg m : held.values()) {
            if (!inUse || !claimed.contains(m.id())) {
                out.add(m); // a send still under way may land: its message stays hidden until it runs out
            }
        }
        out.forEach(m -> held.remove(m.id()));
        return out;
    }

    /** What a hold lets a batch send; see {@link #claim}. */
    record Claim(List<Msg> send, Set<String> heldBackGroups) {
    }
}
