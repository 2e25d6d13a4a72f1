package dev.sqsredrive.mover;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run needs from the journals of earlier, unfinished runs on its DLQ, read from them once (one pass
 * over their lines, {@link JournalEntries}) and handed to the run: which messages to delete without sending
 * (sent, not deleted), which sends had an unknown outcome (a resend may duplicate), which were delivered
 * twice with no summary that said so, what the one-pass rule skips, and an import's lines already done.
 * docs/MOVER.md, "The ledger", says which journal line records which of these.
 *
 * @param pending              sent (S) and not deleted (D): deleted when received, not sent again
 * @param maybeSent            attempted (A) with no recorded outcome, and neither sent nor deleted since: a
 *                             resend of one is a possible duplicate
 * @param duplicatedUnreported delivered by two attempts that may each have arrived, with no summary (R) since
 * @param moved                sent or deleted, and every destination MessageId given (M): a message received
 *                             with one of these came back (one pass)
 * @param deleted              deleted (D): of an import, the file's lines already done
 * @param unrecordedCopies     per fingerprint, how many "maybe sent" messages had it: a copy of one may come back
 *                             to the DLQ with a MessageId no journal holds, and is known by its content (one pass)
 */
public record ResumeState(Set<String> pending, Set<String> maybeSent, Set<String> duplicatedUnreported,
                          Set<String> moved, Set<String> deleted, Map<String, Integer> unrecordedCopies) {

    /** No earlier run: nothing to finish. */
    public static final ResumeState NONE = new ResumeState(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Map.of());

    public static ResumeState read(List<Path> journals) {
        if (journals.isEmpty()) {
            return NONE;
        }
        JournalEntries e = JournalEntries.read(journals);
        Set<String> pending = new HashSet<>(e.sent());
        pending.removeAll(e.deleted());
        Set<String> maybeSent = new HashSet<>(e.maybeSent());
        maybeSent.removeAll(e.sent());
        maybeSent.removeAll(e.deleted());
        Set<String> duplicated = new HashSet<>();
        e.copies().forEach((id, n) -> {
            if (n > 1 && !e.reportedDuplicates().contains(id)) {
                duplicated.add(id);
            }
        });
        Set<String> moved = new HashSet<>(e.sent());
        moved.addAll(e.deleted());
        moved.addAll(e.given());
        Map<String, Integer> unrecordedCopies = new HashMap<>();
        for (String id : maybeSent) {
            String fingerprint = e.fingerprints().get(id);
            if (fingerprint != null) {
                unrecordedCopies.merge(fingerprint, 1, Integer::sum);
            }
        }
        return new ResumeState(Set.copyOf(pending), Set.copyOf(maybeSent), Set.copyOf(duplicated), Set.copyOf(moved),
                Set.copyOf(e.deleted()), Map.copyOf(unrecordedCopies));
    }

    /** Messages earlier runs left unfinished in the DLQ: sent or maybe sent, not deleted. */
    public int unfinished() {
        Set<String> open = new HashSet<>(pending);
        open.addAll(maybeSent);
        return open.size();
    }

    /** Those left "maybe sent" whose resend is a new possible duplicate (not one already counted unreported). */
    public Set<String> resendsToCount() {
        Set<String> counted = new HashSet<>(maybeSent);
        counted.removeAll(duplicatedUnreported);
        return counted;
    }
}
