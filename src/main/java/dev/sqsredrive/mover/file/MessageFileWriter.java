package dev.sqsredrive.mover.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.files.PrivateFiles;

/** STUB (replaced by the file-format branch): plain files only. */
public final class MessageFileWriter implements Closeable {
    public enum Existing { REFUSE, APPEND, OVERWRITE }

    private final Path path;
    private final FileChannel channel;
    private final OutputStream stream;
    private long lines;

    private MessageFileWriter(Path path, FileChannel channel, OutputStream stream) {
        this.path = path;
        this.channel = channel;
        this.stream = stream;
    }

    public static MessageFileWriter open(Path path, Existing existing) throws IOException {
        if (existing == Existing.REFUSE && Files.exists(path)) {
            throw RedriveException.usage("'" + path + "' exists: add --append to add to it, or --force to replace it");
        }
        Set<StandardOpenOption> o = existing == Existing.OVERWRITE
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                : Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new MessageFileWriter(path, FileChannel.open(path, o, PrivateFiles.fileAttributes()), null);
    }

    public static MessageFileWriter to(OutputStream out) {
        return new MessageFileWriter(null, null, out);
    }

    public synchronized void append(List<String> batch) throws IOException {
        StringBuilder sb = new StringBuilder();
        batch.forEach(l -> sb.append(l).append('\n'));
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (channel == null) {
            stream.write(bytes);
            stream.flush();
        } else {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        }
        lines += batch.size();
    }

    public boolean durable() {
        return channel != null;
    }

    public synchronized long linesWritten() {
        return lines;
    }

    public long repairedBytes() {
        return 0;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
