package dev.sqsredrive.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * What one case came to, counted by content after the fact.
 *
 * @param duplicates messages (bodies) found more than once, over destination and DLQ: what the summaries'
 *                   "duplicates possible" counts
 * @param copies     copies beyond the first of each body (a message sent three times is one duplicate, two copies)
 * @param reported   the runs' "duplicates possible", added up
 * @param exits      the exit codes of the runs of the case, in order
 * @param problems   each broken promise, in words; empty when the case passed
 */
record MatrixRow(MatrixCase c, int faults, int messages, int moved, int lost, int duplicates, int copies,
                 long reported, String exits, List<String> problems, String story) {

    /** Bodies with more than one copy, over both queues. */
    static int duplicated(dev.sqsredrive.testing.Census census) {
        java.util.Map<String, Integer> all = new java.util.TreeMap<>(census.inDestination());
        census.inSource().forEach((b, n) -> all.merge(b, n, Integer::sum));
        return (int) all.values().stream().filter(n -> n > 1).count();
    }

    /**
     * The summaries against the census: every message the destination holds was reported moved by some run,
     * and no run reported more moves than deliveries, resends counted as possible duplicates aside (a message
     * delivered by one run and sent again by the next is moved twice; not checked on FIFO, whose destination
     * confirms a resend it then drops by its deduplication id, which is why none is reported); the last run that drained the DLQ says
     * how many it left there. Runs that printed no summary (refused, killed) are skipped.
     */
    static List<String> checkSummaries(MatrixCase c, List<dev.sqsredrive.testing.RunResult> runs, int delivered,
                                       long remaining) {
        List<String> problems = new ArrayList<>();
        long moved = 0;
        long reported = 0;
        dev.sqsredrive.testing.MoverSummary last = null;
        for (dev.sqsredrive.testing.RunResult r : runs) {
            var s = ProxyCases.summaryOf(r);
            if (s.isPresent()) {
                moved += s.get().moved();
                reported += s.get().duplicatesPossible();
                last = s.get();
            }
        }
        if (moved < delivered) {
            problems.add("summaries moved " + moved + " but " + delivered + " delivered");
        }
        if (!c.fifo() && moved > delivered + reported) {
            problems.add("summaries moved " + moved + " but " + delivered + " delivered and " + reported
                    + " possible duplicates");
        }
        if (last != null && last.raw().path("leftBehind").isNumber()
                && java.util.Set.of("COMPLETED", "INCOMPLETE").contains(last.status())
                && last.raw().path("leftBehind").asLong() != remaining) {
            problems.add("last summary left " + last.raw().path("leftBehind").asLong() + " behind but " + remaining
                    + " in the DLQ");
        }
        return problems;
    }

    boolean passed() {
        return problems.isEmpty();
    }

    /** The promises every case keeps: nothing lost, no copy unreported, none at all for FIFO. */
    static List<String> check(MatrixCase c, int lost, int duplicates, long reported) {
        List<String> problems = new ArrayList<>();
        if (lost > 0) {
            problems.add(lost + " lost");
        }
        if (duplicates > reported) {
            problems.add(duplicates + " duplicates but " + reported + " reported");
        }
        // A file has no deduplication: a line written again is a copy in the file, reported like any other
        // (imported back to a FIFO queue, both copies go under one deduplication id, the line's messageId).
        if (c.fifo() && c.via() != Via.EXPORT && duplicates > 0) {
            problems.add(duplicates + " duplicates on FIFO");
        }
        return problems;
    }
}
