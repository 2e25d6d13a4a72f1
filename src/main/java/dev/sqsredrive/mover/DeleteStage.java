package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last stage: deletes from the source exactly the messages a sink confirmed (or an earlier run's journal
 * says were delivered), each with the latest receipt handle this run holds for it. What the source does not
 * confirm deleted is released, so that this run receives it again and only deletes it.
 * <p>
 * The latest handle is usually this receive's own. It is another's when the process stopped past the
 * visibility timeout while it sent the message and a later receive of this run got it again: that receive
 * keeps it hidden and never sends it, and only its handle deletes it (an older one is refused, or on SQS
 * answered with a success that may delete nothing).
 */
final class DeleteStage {

    private final Source source;
    private final Retry retry;
    private final RunState state;

    DeleteStage(Source source, Retry retry, RunState state) {
        this.source = source;
        this.retry = retry;
        this.state = state;
    }

    /** @return the MessageIds the source confirmed deleted, unless another delete of this run did so first */
    Set<String> delete(List<Msg> messages, Hold hold) throws InterruptedException {
        Set<String> deleted = new HashSet<>();
        // A receive may get a message again while its delete is under way: one more call, with that handle.
        List<Msg> again = once(messages, hold, deleted, true);
        once(again, hold, deleted, false);
        return Set.copyOf(deleted);
    }

    /** One delete call; returns what is to be tried again with a newer handle (none unless {@code mayRetry}). */
    private List<Msg> once(List<Msg> messages, Hold hold, Set<String> deleted, boolean mayRetry)
            throws InterruptedException {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Hold.Latest> latest = messages.stream().map(hold::latest).toList();
        EntryBatch batch = EntryBatch.of("d", latest.stream().map(Hold.Latest::handle).toList());
        Retry.Outcome out = retry.run(batch.entries(), Entry::id, source::delete, () -> { });
        List<Msg> again = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<Hold, List<Msg>> done = new LinkedHashMap<>();
        Map<Hold, List<Msg>> release = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Msg> e : batch.byEntryId().entrySet()) {
            Msg m = messages.get(i);
            Msg handle = e.getValue();
            Hold holder = latest.get(i++).holder();
            boolean confirmed = out.succeeded().contains(e.getKey());
            // SQS answers a delete made with an outdated receipt handle with a success that may delete nothing (its
            // documentation says so): a message whose hold lapsed before the answer (the process stopped past its
            // visibility timeout) may still be in the DLQ.
            boolean sure = confirmed && !holder.lapsed(handle);
            if (!sure && mayRetry && hold.latest(m).holder() != holder) {
                again.add(m);
                continue;
            }
            if (holder != hold) {
                done.computeIfAbsent(hold, h -> new ArrayList<>()).add(m);
            }
            if (sure) {
                ids.add(m.id());
                done.computeIfAbsent(holder, h -> new ArrayList<>()).add(handle);
            } else if (confirmed) {
                // It stays waiting for its delete, and a later receive only deletes it; journalled deleted, that
                // receive would take it for one that came back.
                done.computeIfAbsent(holder, h -> new ArrayList<>()).add(handle);
                state.deleteFailed(m.id(), true);
            } else {
                // Delivered, still in the DLQ: released so that this run receives it again and only deletes it.
                state.deleteFailed(m.id(), out.unanswered().contains(e.getKey()));
                release.computeIfAbsent(holder, h -> new ArrayList<>()).add(handle);
            }
        }
        deleted.addAll(state.deleted(ids));
        done.forEach(Hold::done);
        for (Map.Entry<Hold, List<Msg>> r : release.entrySet()) {
            r.getKey().release(r.getValue());
        }
        return again;
    }
}
