package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.List;
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
}
