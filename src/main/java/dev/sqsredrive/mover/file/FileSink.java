package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sqsredrive.mover.BatchResult;
import dev.sqsredrive.mover.Entry;
import dev.sqsredrive.mover.Sink;

/**
 * A message file as the destination of an export (or as the archive beside a destination): a batch is
 * confirmed only once its lines are forced to disk, so the mover deletes from the DLQ only what a power cut
 * would not take back. A write that fails confirms nothing; the run ends, and the messages stay in the DLQ.
 */
final class FileSink implements Sink {

    private final FileRef file;
    private final MessageFileWriter writer;
    private final String sourceArn;
    private final Clock clock;

    /** @param sourceArn the queue the messages come from, written on each line */
    FileSink(FileRef file, MessageFileWriter writer, String sourceArn, Clock clock) {
        this.file = file;
        this.writer = writer;
        this.sourceArn = sourceArn;
        this.clock = clock;
    }

    @Override
    public BatchResult send(List<Entry> entries) {
        List<String> lines = new ArrayList<>(entries.size());
        Set<String> ids = new LinkedHashSet<>();
        var now = clock.instant();
        for (Entry e : entries) {
            lines.add(MessageLines.encode(e.message(), sourceArn, now));
            ids.add(e.id());
        }
        write(lines);
        return new BatchResult(ids, Map.of());
    }

    /** Appends lines, forced to disk; a failure is the file kind's failure ({@link FileFailures}). */
    void write(List<String> lines) {
        try {
            writer.append(lines);
        } catch (IOException e) {
            throw new FileFailures.FileWriteFailed(file, e);
        }
    }

    FileRef file() {
        return file;
    }

    long linesWritten() {
        return writer.linesWritten();
    }

    @Override
    public String endpoint() {
        return file.address();
    }
}
