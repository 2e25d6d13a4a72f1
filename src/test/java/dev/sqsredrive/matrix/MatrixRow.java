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
