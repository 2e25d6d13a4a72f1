package dev.sqsredrive.mover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a DLQ's journals say about each message, read in one pass over their entry lines.
 *
 * @param attempted          every MessageId with an A line
 * @param maybeSent          those with an attempt whose outcome was never recorded
 * @param given              the MessageIds destinations gave the messages sent
 * @param copies             per MessageId, how many attempts may have put a copy at the destination: each
 *                           confirmed (S) and each never answered, but none the destination refused (N)
 * @param reportedDuplicates those that already had two such attempts when a run that printed its summary ended
 *                           (an R line): that summary counted them
 * @param fingerprints       per MessageId, the fingerprint its attempt recorded (F lines), where it had one
 */
record JournalEntries(Set<String> attempted, Set<String> maybeSent, Set<String> sent, Set<String> deleted,
                      Set<String> given, Map<String, Integer> copies, Set<String> reportedDuplicates,
                      Map<String, String> fingerprints) {

    static JournalEntries read(List<Path> journals) {
        JournalEntries e = new JournalEntries(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
                new HashSet<>(), new HashMap<>(), new HashSet<>(), new HashMap<>());
        for (Path p : journals) {
            e.readOne(p);
        }
        return e;
    }

    private void readOne(Path p) {
        // An attempt is open from its A until an S or N of the same journal closes it; one still open at the
        // next A of that message, or at the journal's end, got no recorded outcome.
        Set<String> open = new HashSet<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read journal " + p + ": " + ex.getMessage(), ex);
        }
        // Lines that cannot be read were reported when the journal was listed (files, header).
        for (JournalLines.Entry entry : JournalLines.parse(bytes).entries()) {
            String id = entry.id();
            switch (entry.kind()) {
                case Journal.ATTEMPTED -> {
                    attempted.add(id);
                    if (!open.add(id)) {
                        maybeSent.add(id);
                        copy(id); // the earlier attempt went unanswered: it may have delivered
                    }
                }
                case Journal.NOT_SENT -> open.remove(id);
                case Journal.SENT -> {
                    open.remove(id);
                    sent.add(id);
                    copy(id);
                }
                case Journal.DELETED -> deleted.add(id);
                case Journal.GIVEN -> given.add(id);
                case Journal.REPORTED -> markReported(open);
                case Journal.FINGERPRINT -> {
                    int space = id.indexOf(' ');
                    if (space > 0) {
                        fingerprints.put(id.substring(0, space), id.substring(space + 1));
                    }
                }
                default -> { } // a line of a newer version: not ours to interpret
            }
        }
        maybeSent.addAll(open);
        open.forEach(this::copy);
    }

    private void copy(String id) {
        copies.merge(id, 1, Integer::sum);
    }

    /**
     * A run ended and printed its summary, which counted each message it may have sent twice: two attempts
     * that may have delivered, the last one possibly still open (a resend of what an earlier run left "maybe
     * sent" is counted when it is made, whatever its answer).
     */
    private void markReported(Set<String> open) {
        copies.forEach((id, n) -> {
            if (n + (open.contains(id) ? 1 : 0) > 1) {
                reportedDuplicates.add(id);
            }
        });
    }
}
