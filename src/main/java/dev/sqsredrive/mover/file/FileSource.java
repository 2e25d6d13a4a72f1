package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.sqsredrive.mover.BatchResult;
import dev.sqsredrive.mover.Entry;
import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.Source;

/**
 * A message file as the DLQ of an import. The file is never changed: a line is read once per run, in order,
 * and "deleting" its message is the journal's D line, written by the mover once the destination confirmed
 * it; a resumed run skips the lines an earlier run deleted and re-reads the rest. Nobody else consumes a
 * file, so there is no visibility to keep: holding and releasing are no-ops, and a released line waits for
 * the next run.
 */
final class FileSource implements Source {

    /** Bad lines named one by one on stderr before they are only counted. */
    private static final int NAMED = 5;

    private final FileRef file;
    private final MessageFileReader reader;
    private final Set<String> deletedBefore;
    private final long messagesInFile;
    private final Consumer<String> warnings;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Long> unreadable = new LinkedHashMap<>();
    private long deleted;
    private long badLines;
    private boolean ended;

    /**
     * @param deletedBefore  MessageIds earlier runs of this import deleted (their journals' D lines): not read again
     * @param messagesInFile how many lines of the file are messages ({@link FileQueues#count})
     */
    FileSource(FileRef file, MessageFileReader reader, Set<String> deletedBefore, long messagesInFile,
               Consumer<String> warnings) {
        this.file = file;
        this.reader = reader;
        this.deletedBefore = Set.copyOf(deletedBefore);
        this.messagesInFile = messagesInFile;
        this.warnings = warnings;
    }

    @Override
    public synchronized List<Msg> receive(int max, int waitSeconds, int visibilitySeconds) {
        List<Msg> out = new ArrayList<>(max);
        try {
            while (out.size() < max && !ended) {
                MessageFileReader.Line line = reader.next();
                if (line == null) {
                    ended = true;
                    break;
                }
                Msg m = message(line);
                if (m != null && !deletedBefore.contains(m.id()) && seen.add(m.id())) {
                    out.add(m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The line's message, under its receipt handle (the line's number); null for a line that is none. */
    private Msg message(MessageFileReader.Line line) {
        if (line.text().isBlank() && !line.torn()) {
            return null;
        }
        String why;
        if (line.torn()) {
            why = "its last line is cut short (a write that did not finish)";
        } else {
            try {
                Msg m = MessageLines.decode(line.text()).message();
                String id = m.id() == null || m.id().isBlank() ? "line-" + line.number() : m.id();
                return m.withId(id).withReceiptHandle(Long.toString(line.number()));
            } catch (MessageLines.BadLine e) {
                why = e.getMessage();
            }
        }
        badLines++;
        unreadable.merge("line(s) of " + file.path() + " that are no message", 1L, Long::sum);
        if (badLines <= NAMED) {
            warnings.accept(file.path() + " line " + line.number() + ": " + why + "; skipped, it stays in the file");
        } else if (badLines == NAMED + 1) {
            warnings.accept(file.path() + ": more lines are no message; they are counted in the summary");
        }
        return null;
    }

    @Override
    public BatchResult keepHidden(List<Entry> entries, int seconds) {
        return all(entries);
    }

    @Override
    public synchronized BatchResult delete(List<Entry> entries) {
        deleted += entries.size();
        return all(entries);
    }

    @Override
    public synchronized long approximateMessages() {
        // Every message line no run has deleted yet, read or not; the lines that are no message are
        // counted apart (unreadable), so they are not in here.
        return Math.max(0, messagesInFile - deletedBefore.size() - deleted);
    }

    @Override
    public synchronized Map<String, Long> unreadable() {
        return Map.copyOf(unreadable);
    }

    @Override
    public String endpoint() {
        return file.address();
    }

    private static BatchResult all(List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return new BatchResult(ids, Map.of());
    }
}
