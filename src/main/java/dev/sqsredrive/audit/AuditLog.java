package dev.sqsredrive.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.sqsredrive.files.PrivateFiles;

/**
 * The audit log of the state directory, {@code audit.ndjson}: one {@link AuditRecord} a line, appended by
 * every start, cancel and inspect (docs/STATE.md). Created 0600 like the rest of the state directory. Two
 * processes may append at once: the file is opened with O_APPEND and each line goes out in one write, so a
 * line lands whole at the end of the file, never inside another (docs/STATE.md, "Audit log").
 */
public final class AuditLog {

    public static final String FILE_NAME = "audit.ndjson";

    /** Never through a symbolic link: the line goes into this file or nowhere. */
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);

    private final Path file;

    public AuditLog(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Appends one line; the state directory is created (0700) when missing. */
    public void append(AuditRecord record) throws IOException {
        PrivateFiles.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, APPEND, PrivateFiles.fileAttributes())) {
            // A line a killed writer left torn is closed first, so that it costs only itself, not this one.
            String text = (endsTorn(channel.size()) ? "\n" : "") + record.toLine() + "\n";
            ByteBuffer line = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            // One write for the line: a local file system writes a regular file's buffer whole. The loop is
            // for the rare short write, which O_APPEND still puts at the end.
            while (line.hasRemaining()) {
                channel.write(line);
            }
        }
    }

    private boolean endsTorn(long size) throws IOException {
        if (size == 0) {
            return false;
        }
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** What a read found: the records in file order, and how many lines were no record (damaged, newer). */
    public record Contents(List<AuditRecord> records, int unreadable) {
    }

    /** Every record, oldest first; an absent log has none. */
    public Contents read() throws IOException {
        List<AuditRecord> records = new ArrayList<>();
        int unreadable = 0;
        // A reader that replaces bytes that are no UTF-8 rather than failing: a damaged line is one line lost.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(AuditRecord.parse(line));
                } catch (IllegalArgumentException e) {
                    unreadable++;
                }
            }
        } catch (NoSuchFileException none) {
            return new Contents(List.of(), 0);
        }
        return new Contents(records, unreadable);
    }
}
