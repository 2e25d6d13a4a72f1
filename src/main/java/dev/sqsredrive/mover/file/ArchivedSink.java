package dev.sqsredrive.mover.file;

import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.mover.BatchResult;
import dev.sqsredrive.mover.DeliveredUnrecorded;
import dev.sqsredrive.mover.Entry;
import dev.sqsredrive.mover.Sink;

/**
 * A destination with an archive beside it (--archive): what the destination confirmed is written to the
 * archive, forced to disk, before the send counts as confirmed, so the mover deletes nothing the archive
 * does not hold. When the archive cannot be written after the destination confirmed, the messages are at the
 * destination but not in the archive: {@link DeliveredUnrecorded} says which, the run ends, they stay in the
 * DLQ, and a later run sends them again so that the archive gets them (a possible duplicate, reported as such).
 */
final class ArchivedSink implements Sink {

    private final Sink destination;
    private final FileSink archive;

    ArchivedSink(Sink destination, FileSink archive) {
        this.destination = destination;
        this.archive = archive;
    }

    @Override
    public BatchResult send(List<Entry> entries) {
        BatchResult result = destination.send(entries);
        List<Entry> confirmed = new ArrayList<>();
        entries.forEach(e -> {
            if (result.succeeded().contains(e.id())) {
                confirmed.add(e);
            }
        });
        if (!confirmed.isEmpty()) {
            try {
                archive.send(confirmed);
            } catch (FileFailures.FileWriteFailed e) {
                throw new DeliveredUnrecorded(result, e);
            }
        }
        return result;
    }

    @Override
    public long visibleDepth() {
        return destination.visibleDepth();
    }

    @Override
    public String endpoint() {
        return destination.endpoint();
    }

}
