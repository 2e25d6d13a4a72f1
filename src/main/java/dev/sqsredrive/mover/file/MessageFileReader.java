package dev.sqsredrive.mover.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a message file line by line, plain or gzip (told by its first bytes, not its name), holding one line
 * at a time. A crash while the file was written leaves a torn tail: a last line without its '\n', or a gzip
 * member cut short; it is handed out once, as a line marked torn, never as a message. The lines of a torn
 * gzip member are all torn: their append never returned, so their messages are still in their queue.
 */
public final class MessageFileReader implements Closeable {

    /** A 1 MiB body with every character escaped is 6 MiB; anything near this bound is not a message line. */
    static final int MAX_LINE = 32 * 1024 * 1024;

    private final FileChannel channel;
    private final InputStream whole;
    private final GzipMembers.Scan gzip;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkAt;
    private int chunkEnd;
    private byte[] line = new byte[8 * 1024];
    private int lineLength;
    private long number;
    private boolean done;

    private MessageFileReader(FileChannel channel, InputStream whole, GzipMembers.Scan gzip) {
        this.channel = channel;
        this.whole = whole;
        this.gzip = gzip;
    }

    public static MessageFileReader open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (!TornTail.gzip(channel)) {
                return new MessageFileReader(channel, new FileWindow(channel, 0, channel.size()), null);
            }
            GzipMembers.Scan scan = GzipMembers.scan(channel);
            InputStream whole = scan.complete() == 0 ? InputStream.nullInputStream()
                    : new GZIPInputStream(new FileWindow(channel, 0, scan.complete()), 64 * 1024);
            return new MessageFileReader(channel, whole, scan);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The next line, or null at the end. */
    public Line next() throws IOException {
        while (!done) {
            if (chunkAt == chunkEnd && !fill()) {
                done = true;
                return tornTail();
            }
            int newline = indexOfNewline();
            int to = newline < 0 ? chunkEnd : newline;
            keep(chunkAt, to - chunkAt, false);
            chunkAt = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                number++;
                String text = strictText();
                lineLength = 0;
                return new Line(number, text, false);
            }
        }
        return null;
    }

    /** number: 1-based. torn: the end of the file after a crash (no '\n', or a gzip member cut short). */
    public record Line(long number, String text, boolean torn) {
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private Line tornTail() throws IOException {
        if (gzip != null && gzip.torn()) {
            readTornMember();
        } else if (lineLength == 0) {
            return null;
        }
        number++;
        return new Line(number, new String(line, 0, lineLength, StandardCharsets.UTF_8), true);
    }

    /** What can still be inflated of the torn member, so the torn line shows what was lost; its lines are no messages. */
    private void readTornMember() {
        try (InputStream torn = new GZIPInputStream(new FileWindow(channel, gzip.complete(), gzip.size()))) {
            for (int n; lineLength < MAX_LINE && (n = torn.read(chunk)) > 0; ) {
                keep(0, n, true);
            }
        } catch (IOException expected) {
            // cut short or garbled: that is what makes it torn
        }
    }

    private boolean fill() throws IOException {
        int n = whole.read(chunk);
        chunkAt = 0;
        chunkEnd = Math.max(n, 0);
        return n > 0;
    }

    private int indexOfNewline() {
        for (int i = chunkAt; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void keep(int from, int length, boolean torn) throws IOException {
        if (lineLength + length > MAX_LINE) {
            if (!torn) {
                throw new IOException("line " + (number + 1) + " is longer than " + (MAX_LINE >> 20)
                        + " MiB: not a message line");
            }
            length = MAX_LINE - lineLength;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(line.length * 2, lineLength + length)));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength += length;
    }

    private String strictText() throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line, 0, lineLength)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("line " + number + " is not UTF-8 text", e);
        }
    }
}
