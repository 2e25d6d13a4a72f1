package dev.sqsredrive.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.sqsredrive.mover.MessageCopy;
import dev.sqsredrive.mover.MessageFilter;
import dev.sqsredrive.mover.Msg;

/**
 * The buckets of the {@code age} and {@code size} keys. An age bucket's edges are fixed instants (the scan's
 * start minus the bucket's ages), and its filters say them as sent&gt;=/sent&lt; times, not as ages: a group's
 * filter pasted an hour later still selects the same messages.
 */
final class Buckets {

    /** Age edges: SQS keeps a message at most 14 days, so the last bucket is open. */
    static final List<Duration> AGES = List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
            Duration.ofDays(3), Duration.ofDays(7));
    static final List<String> AGE_NAMES = List.of("1h", "6h", "1d", "3d", "7d");
    /** Size edges in bytes: what SQS counts (body and attributes). */
    static final List<Long> SIZES = List.of(1024L, 16 * 1024L, 64 * 1024L, 256 * 1024L);
    static final List<String> SIZE_NAMES = List.of("1 KiB", "16 KiB", "64 KiB", "256 KiB");

    private Buckets() {
    }

    /** @param start the scan's start, in the milliseconds SentTimestamp counts in */
    static Part age(Msg m, Instant start) {
        Instant scanStart = Instant.ofEpochMilli(start.toEpochMilli());
        Instant sent = MessageFilter.sentAt(m);
        if (sent == null) {
            return new Part("age", null, "(no sent time)", List.of("!sent>=" + Instant.EPOCH, "!sent<" + Instant.EPOCH));
        }
        Duration age = Duration.between(sent, scanStart);
        int i = 0;
        while (i < AGES.size() && age.compareTo(AGES.get(i)) >= 0) {
            i++; // bucket i: younger than AGES[i], at least AGES[i-1]
        }
        String label = i == 0 ? "under " + AGE_NAMES.get(0) : i == AGES.size() ? AGE_NAMES.get(i - 1) + " or more"
                : AGE_NAMES.get(i - 1) + " to " + AGE_NAMES.get(i);
        java.util.ArrayList<String> filters = new java.util.ArrayList<>();
        if (i < AGES.size()) { // younger than AGES[i]: sent after scanStart - AGES[i]
            filters.add("sent>=" + edge(scanStart, AGES.get(i)));
        }
        if (i > 0) {
            filters.add("sent<" + edge(scanStart, AGES.get(i - 1)));
        }
        return new Part("age", label, label, List.copyOf(filters));
    }

    /**
     * sent&gt;=edge holds for an age below the bucket's: SentTimestamp is in milliseconds, so the edge is too,
     * and a message exactly one bucket's age old lands in the older bucket both here and in the filter.
     */
    private static Instant edge(Instant scanStart, Duration age) {
        return scanStart.minus(age).plusMillis(1);
    }

    static Part size(Msg m) {
        long size = MessageCopy.size(m);
        int i = 0;
        while (i < SIZES.size() && size >= SIZES.get(i)) {
            i++;
        }
        String label = i == 0 ? "under " + SIZE_NAMES.get(0) : i == SIZES.size() ? SIZE_NAMES.get(i - 1) + " or more"
                : SIZE_NAMES.get(i - 1) + " to " + SIZE_NAMES.get(i);
        java.util.ArrayList<String> filters = new java.util.ArrayList<>();
        if (i > 0) {
            filters.add("size>=" + SIZES.get(i - 1));
        }
        if (i < SIZES.size()) {
            filters.add("size<" + SIZES.get(i));
        }
        return new Part("size", label, label, List.copyOf(filters));
    }
}
