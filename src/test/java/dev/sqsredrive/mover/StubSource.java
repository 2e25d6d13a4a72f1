package dev.sqsredrive.mover;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A DLQ for a stage's test: receives nothing, holds nothing, and a test overrides the calls it looks at. */
abstract class StubSource implements Source {

    /** Every entry succeeded. */
    static BatchResult allOk(List<Entry> entries) {
        Set<String> ids = entries.stream().map(Entry::id).collect(Collectors.toSet());
        return new BatchResult(ids, Map.of());
    }

    @Override
    public List<Msg> receive(int max, int waitSeconds, int visibilitySeconds) {
        return List.of();
    }

    @Override
    public BatchResult keepHidden(List<Entry> entries, int seconds) {
        return new BatchResult(Set.of(), Map.of());
    }

    @Override
    public BatchResult delete(List<Entry> entries) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long approximateMessages() {
        return 0;
    }

    @Override
    public String endpoint() {
        return "test";
    }
}
