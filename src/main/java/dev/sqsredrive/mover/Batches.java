package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Splits entries, in order, into batches SQS accepts: at most 10 entries and 1 MiB of payload each. */
public final class Batches {

    public static final int MAX_ENTRIES = 10;
    public static final long MAX_BYTES = 1_048_576;

    private Batches() {
    }

    public static <T> List<List<T>> split(List<T> items, ToLongFunction<T> size) {
        return split(items, size, MAX_ENTRIES, MAX_BYTES);
    }

    public static <T> List<List<T>> split(List<T> items, ToLongFunction<T> size, int maxEntries, long maxBytes) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            long s = size.applyAsLong(item);
            if (!current.isEmpty() && (current.size() == maxEntries || bytes + s > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += s;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /**
     * As {@link #split(List, ToLongFunction, int, long)}, for a FIFO destination: no batch holds two messages of
     * one group. A batch's entries succeed or fail one by one, so with two of a group in one batch a failed
     * first one and a delivered second one would arrive out of order, and sending the first again cannot put it
     * back in front (the fault matrix found it: a partial SendMessageBatch failure, a group reordered). So the
     * i-th message of each group goes in the i-th round of batches, and the rounds are sent in turn; a batch
     * still carries up to 10 groups. Messages without a group are no FIFO messages and are split as usual.
     */
    public static <T> List<List<T>> splitByGroup(List<T> items, ToLongFunction<T> size, Function<T, String> group,
                                                 int maxEntries, long maxBytes) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<List<T>> rounds = new ArrayList<>();
        for (T item : items) {
            String g = group.apply(item);
            int round = g == null ? 0 : seen.merge(g, 1, Integer::sum) - 1;
            while (rounds.size() <= round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(item);
        }
        List<List<T>> batches = new ArrayList<>();
        for (List<T> round : rounds) {
            batches.addAll(split(round, size, maxEntries, maxBytes));
        }
        return batches;
    }
}
