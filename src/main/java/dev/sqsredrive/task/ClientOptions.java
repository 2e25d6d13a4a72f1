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

    /** Why the native API cannot serve these options, or null when it can. */
    public String clientOnlyReason() {
        if (!filters.isEmpty()) {
            return "--filter was given (a native move task moves every message)";
        }
        if (limit != null) {
            return "--limit was given (a native move task moves every message)";
        }
        if (copy) {
            return "--copy was given (a native move task deletes what it moves)";
        }
        if (dryRun) {
            return "--dry-run was given (a native move task cannot preview)";
        }
        return null;
    }
}
