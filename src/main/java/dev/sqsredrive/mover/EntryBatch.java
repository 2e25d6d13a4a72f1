package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch call's messages under the entry ids its per-entry result answers by: built once per call, so
 * each stage reads an outcome by the same ids (unique in the batch, far below SQS's 80 characters).
 */
record EntryBatch(Map<String, Msg> byEntryId) {

    static EntryBatch of(String prefix, List<Msg> messages) {
        Map<String, Msg> byId = new LinkedHashMap<>();
        for (Msg m : messages) {
            byId.put(prefix + byId.size(), m);
        }
        return new EntryBatch(byId);
    }

    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(byEntryId.size());
        byEntryId.forEach((id, m) -> entries.add(new Entry(id, m)));
        return entries;
    }

    boolean isEmpty() {
        return byEntryId.isEmpty();
    }

    /** The messages whose entry id is in ids, in batch order. */
    List<Msg> of(Collection<String> ids) {
        List<Msg> out = new ArrayList<>();
        byEntryId.forEach((id, m) -> {
            if (ids.contains(id)) {
                out.add(m);
            }
        });
        return out;
    }

    /** The messages whose entry id is not in ids, in batch order. */
    List<Msg> notIn(Collection<String> ids) {
        List<Msg> out = new ArrayList<>();
        byEntryId.forEach((id, m) -> {
            if (!ids.contains(id)) {
                out.add(m);
            }
        });
        return out;
    }

    static List<String> ids(List<Msg> messages) {
        return messages.stream().map(Msg::id).toList();
    }
}
