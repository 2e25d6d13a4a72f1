package dev.sqsredrive.task;

import java.util.List;

/**
 * What was asked of a move beyond source, destination and rate; everything here but concurrency is
 * something only the client-side mover can do.
 *
 * @param concurrency workers (client-side); null for the default
 * @param limit       stop after this many messages; null for all
 * @param filters     --filter expressions, all of which must match
 */
public record ClientOptions(Integer concurrency, Long limit, boolean copy, boolean dryRun, boolean showBodies,
                            List<String> filters) {

    /** Enough in-flight batches to keep SQS busy: a raw loop peaks around 16 threads (docs/PERFORMANCE.md). */
    public static final int DEFAULT_CONCURRENCY = 16;
    public static final int MAX_CONCURRENCY = 64;

    public static ClientOptions none() {
        return new ClientOptions(null, null, false, false, false, List.of());
    }

    public int workers() {
        return concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
    }

    /**
     * Why the native API cannot serve these options, every reason in one phrase, or null when it can. A dry
     * run comes first: it is the reason nothing moves, whatever else was asked.
     */
    public String clientOnlyReason() {
        List<String> reasons = new java.util.ArrayList<>();
        if (dryRun) {
            reasons.add("--dry-run was given (a native move task cannot preview)");
        }
        if (!filters.isEmpty()) {
            reasons.add("--filter was given (a native move task moves every message)");
        }
        if (limit != null) {
            reasons.add("--limit was given (a native move task moves every message)");
        }
        if (copy) {
            reasons.add("--copy was given (a native move task deletes what it moves)");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
