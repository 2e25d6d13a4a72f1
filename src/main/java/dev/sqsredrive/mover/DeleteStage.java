package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The last stage: deletes from the source, with this receive's receipt handles, exactly the messages a
 * sink confirmed (or an earlier run's journal says were delivered). What the source does not confirm
 * deleted is released, so that this run receives it again and only deletes it.
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

    /** @return the MessageIds the source confirmed deleted */
    Set<String> delete(List<Msg> messages, Hold hold) throws InterruptedException {
        if (messages.isEmpty()) {
            return Set.of();
        }
        EntryBatch batch = EntryBatch.of("d", messages);
        Retry.Outcome out = retry.run(batch.entries(), Entry::id, source::delete, () -> { });
        List<Msg> confirmed = batch.of(out.succeeded());
        // SQS answers a delete made with an outdated receipt handle with a success that may delete nothing (its
        // documentation says so): a message whose hold lapsed before the answer (the process stopped past its
        // visibility timeout) may still be in the DLQ. It stays waiting for its delete, and a later receive
        // only deletes it; had it been journalled deleted, that receive would take it for one that came back.
        List<Msg> lapsed = hold.lapsed(confirmed);
        List<Msg> deleted = new ArrayList<>(confirmed);
        deleted.removeAll(lapsed);
        List<Msg> notDeleted = batch.notIn(out.succeeded());
        List<String> ids = deleted.stream().map(Msg::id).toList();
        state.deleted(ids);
        hold.done(confirmed);
        lapsed.forEach(m -> state.deleteFailed(m.id(), true));
        if (!notDeleted.isEmpty()) {
            // Delivered, still in the DLQ: released so that this run receives it again and only deletes it.
            batch.byEntryId().forEach((entryId, m) -> {
                if (!out.succeeded().contains(entryId)) {
                    state.deleteFailed(m.id(), out.unanswered().contains(entryId));
                }
            });
            hold.release(notDeleted);
        }
        return Set.copyOf(ids);
    }
}
