package dev.sqsredrive.mover.file;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.files.PrivateFiles;

/**
 * Appends message lines to a file, durably: {@link #append} returns only once the lines are on disk, because
 * the mover deletes the messages from their queue right after. A failed append cuts the file back to what
 * it held before the call, and the writer takes no more lines, so the file never keeps half a batch that
 * the caller was told failed. A ".gz" file gets one complete gzip member per append.
 */
public final class MessageFileWriter implements Closeable {

    /** What to do when the file exists: refuse (the default), add to it (--append), replace it (--force). */
    public enum Existing { REFUSE, APPEND, OVERWRITE }

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final OutputStream stream;
    private final boolean gzip;
    private final long repairedBytes;
    /** One append at a time, across its write and fsync; a lock, not a monitor, so that on JDK 21 the workers'
     *  virtual threads waiting their turn do not pin their carriers for an fsync's length. */
    private final ReentrantLock appending = new ReentrantLock();
    private long position;
    private long linesWritten;
    private IOException failed;

    private MessageFileWriter(Path path, FileChannel channel, FileLock lock, OutputStream stream, boolean gzip,
                              long position, long repairedBytes) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.stream = stream;
        this.gzip = gzip;
        this.position = position;
        this.repairedBytes = repairedBytes;
    }

    /**
     * Creates PATH 0600; the parent must exist. Only an absent path or a regular file is written; OVERWRITE
     * replaces only a regular file. APPEND on an existing file first cuts a torn tail.
     */
    public static MessageFileWriter open(Path path, Existing existing) throws IOException {
        WriteTarget target = WriteTarget.of(path); // checked again here: the plan's check was a while ago
        if (target.refusal() != null) {
            throw new FileSystemException(path.toString(), null, target.refusal());
        }
        boolean gzip = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        if (existing == Existing.OVERWRITE && target == WriteTarget.REGULAR) {
            Files.deleteIfExists(path); // and create anew, so that the file is 0600 whatever the old one was
        }
        FileChannel channel;
        boolean created = true;
        try {
            channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ), PrivateFiles.fileAttributes());
        } catch (FileAlreadyExistsException e) {
            if (existing != Existing.APPEND) {
                throw RedriveException.usage("'" + path + "' exists: add --append to add to it, or --force to replace it");
            }
            // O_NOFOLLOW: a link put in its place since the check above is refused, not followed
            channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS);
            created = false;
        }
        try {
            if (created) {
                syncDirectory(path);
            }
            FileLock lock = lock(channel, path);
            long size = channel.size();
            if (size > 0 && TornTail.gzip(channel) != gzip) {
                throw RedriveException.usage("'" + path + "' " + (gzip ? "is not gzip, though its name ends in .gz"
                        : "is gzip: name it ....gz to add to it"));
            }
            long whole = TornTail.wholeLength(channel);
            if (whole < size) {
                channel.truncate(whole);
                channel.force(true);
            }
            return new MessageFileWriter(path, channel, lock, null, gzip, whole, size - whole);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** To a stream (stdout): nothing is forced, durable() is false, and close() leaves the stream open. */
    public static MessageFileWriter to(OutputStream out) {
        return new MessageFileWriter(null, null, null, out, false, 0, 0);
    }

    /** Writes the lines, each + '\n', and returns once they are forced to disk (a file) or flushed (a stream). */
    public void append(List<String> lines) throws IOException {
        appending.lock();
        try {
            appendLocked(lines);
        } finally {
            appending.unlock();
        }
    }

    private void appendLocked(List<String> lines) throws IOException {
        if (failed != null) {
            throw new IOException("'" + path + "' took no more lines after a failed write: " + failed.getMessage(), failed);
        }
        if (lines.isEmpty()) {
            return;
        }
        byte[] bytes = bytes(lines);
        if (stream != null) {
            stream.write(bytes);
            stream.flush();
            linesWritten += lines.size();
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b, position + b.position());
            }
            channel.force(true);
        } catch (IOException e) {
            failed = e;
            cutBack(e);
            throw e;
        }
        position += bytes.length;
        linesWritten += lines.size();
    }

    public boolean durable() {
        return channel != null;
    }

    /** The lines written by this writer (not those the file held before). */
    public long linesWritten() {
        appending.lock();
        try {
            return linesWritten;
        } finally {
            appending.unlock();
        }
    }

    /** The bytes cut from a torn tail when opened with APPEND; 0 if none. */
    public long repairedBytes() {
        return repairedBytes;
    }

    /** The file, or null for a stream. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        appending.lock();
        try {
            closeLocked();
        } finally {
            appending.unlock();
        }
    }

    private void closeLocked() throws IOException {
        if (stream != null) {
            stream.flush();
        } else if (channel.isOpen()) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private byte[] bytes(List<String> lines) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(buffer, 64 * 1024) : buffer) {
            for (String line : lines) {
                if (line.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("a message line holds a newline");
                }
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        } // closing the gzip stream writes its trailer: one whole member
        return buffer.toByteArray();
    }

    /** Takes back a failed call's bytes, so the file ends with the last batch a caller was told is written. */
    private void cutBack(IOException cause) {
        try {
            channel.truncate(position);
            channel.force(true);
        } catch (IOException again) {
            cause.addSuppressed(again); // the next open with APPEND cuts the torn tail instead
        }
    }

    /** Two writers interleaving lines in one file would tear each other's; another process's is refused. */
    private static FileLock lock(FileChannel channel, Path path) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new FileSystemException(path.toString(), null, "is being written by another writer");
        }
        return lock;
    }

    /** A new file's name must be durable too, or a power cut could lose a file whose lines were forced. */
    private static void syncDirectory(Path file) throws IOException {
        if (!PrivateFiles.posix()) {
            return; // Windows cannot open a folder as a channel; NTFS journals the name itself
        }
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
