package dev.sqsredrive.mover.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.sqsredrive.mover.CallFailures;
import dev.sqsredrive.mover.Destination;
import dev.sqsredrive.mover.QueueEndpoint;
import dev.sqsredrive.mover.Sink;
import dev.sqsredrive.mover.Source;

/**
 * The queues of a move when files take part: a {@code file:} address is a file, anything else is the other
 * kind's (SQS). Also puts the archive (--archive) beside every destination. Files are opened when the run is
 * made, so that a file that cannot be opened stops it before anything moves, and closed with it.
 */
public final class FileEndpoints implements QueueEndpoint, Closeable {

    /**
     * @param sourceArn     the queue the messages come from, written on each exported or archived line
     * @param existing      what to do with an existing export file or archive
     * @param archive       the archive, or null
     * @param deletedBefore of an import: the MessageIds earlier runs deleted (read from their journals)
     * @param sourceMessages of an import: the file's messages, as the plan counted them (read once, not again)
     * @param stdout        where file:- writes
     */
    public record Files(String sourceArn, MessageFileWriter.Existing existing, FileRef archive,
                        Set<String> deletedBefore, long sourceMessages, OutputStream stdout) {
    }

    /** A file this run wrote to, and how many lines it added. */
    public record Written(FileRef file, long lines, String role) {
    }

    private final QueueEndpoint other;
    private final Files files;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Map<String, FileSink> writers = new LinkedHashMap<>();
    private final List<Closeable> open = new ArrayList<>();
    private final FileSink archive;

    /** @param destinations the file destinations of the move (an export's --to), opened now */
    public FileEndpoints(QueueEndpoint other, Files files, List<FileRef> destinations, Clock clock,
                         Consumer<String> warnings) {
        this.other = other;
        this.files = files;
        this.clock = clock;
        this.warnings = warnings;
        for (FileRef d : destinations) {
            writers.put(d.address(), openSink(d, files.existing()));
        }
        this.archive = files.archive() == null ? null : openSink(files.archive(), files.existing());
    }

    private FileSink openSink(FileRef file, MessageFileWriter.Existing existing) {
        try {
            MessageFileWriter w = file.stdout() ? MessageFileWriter.to(files.stdout())
                    : MessageFileWriter.open(file.path(), existing);
            open.add(w);
            if (w.repairedBytes() > 0) {
                warnings.accept(file.path() + ": cut " + w.repairedBytes() + " byte(s) of a line an earlier run did"
                        + " not finish writing; its message is still in the DLQ");
            }
            return new FileSink(file, w, files.sourceArn(), clock);
        } catch (IOException e) {
            close();
            throw dev.sqsredrive.aws.RedriveException.usage("cannot open " + file.path() + " for writing: "
                    + FileFailures.reason(e));
        }
    }

    @Override
    public Source source(String address) {
        if (!FileRef.isFile(address)) {
            return other.source(address);
        }
        FileRef file = FileRef.ofAddress(address);
        try {
            MessageFileReader reader = MessageFileReader.open(file.path());
            open.add(reader);
            return new FileSource(file, reader, files.deletedBefore(), files.sourceMessages(), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path() + ": " + FileFailures.reason(e), e);
        }
    }

    @Override
    public Sink sink(Destination destination) {
        Sink sink = FileRef.isFile(destination.url()) ? writers.get(destination.url()) : other.sink(destination);
        if (sink == null) {
            throw new IllegalStateException("file destination " + destination.url() + " was not opened");
        }
        return archive == null ? sink : new ArchivedSink(sink, archive);
    }

    @Override
    public CallFailures failures() {
        return new FileFailures(other.failures());
    }

    @Override
    public Duration attemptTimeout() {
        return other.attemptTimeout();
    }

    /** The files this run wrote to: exports first, then the archive. */
    public List<Written> written() {
        List<Written> out = new ArrayList<>();
        writers.values().forEach(w -> out.add(new Written(w.file(), w.linesWritten(), "export")));
        if (archive != null) {
            out.add(new Written(archive.file(), archive.linesWritten(), "archive"));
        }
        return out;
    }

    @Override
    public void close() {
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                warnings.accept("closing a message file: " + e.getMessage());
            }
        }
        open.clear();
    }

}
