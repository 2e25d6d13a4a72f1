package dev.sqsredrive.mover;

import java.util.List;
import java.util.Map;

/**
 * Where the mover takes messages from (the DLQ): it receives them hidden from other consumers, keeps
 * hidden those it still holds, releases those it will not move, and deletes those a sink confirmed. A call
 * that fails as a whole throws; what the failure means is told by the kind's {@link CallFailures}.
 */
public interface Source {

    /** Receives up to {@code max} messages, each hidden for {@code visibilitySeconds}. */
    List<Msg> receive(int max, int waitSeconds, int visibilitySeconds);

    /** Keeps these hidden for {@code seconds} more, counted from now; 0 releases them (visible at once). */
    BatchResult keepHidden(List<Entry> entries, int seconds);

    /** Makes these visible again at once: another receive may take them. */
    default BatchResult release(List<Entry> entries) {
        return keepHidden(entries, 0);
    }

    /** Deletes these, by the receipt handle of their latest receive. */
    BatchResult delete(List<Entry> entries);

    /** About how many messages the source holds, visible or hidden. */
    long approximateMessages();

    /** Where its calls go, to name it when it does not answer. */
    String endpoint();

    /**
     * What the source holds that is no message (a file's lines that do not read as one), by why, with how many:
     * they stay where they are and are reported as not moved. A queue holds only messages.
     */
    default Map<String, Long> unreadable() {
        return Map.of();
    }
}
