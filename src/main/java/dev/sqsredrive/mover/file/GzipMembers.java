package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds where the complete gzip members of a file end (RFC 1952): the writer writes one whole member per
 * append, so after a crash the file is whole members plus at most one torn member: one cut short, one whose
 * CRC32 or length does not match, or blocks of zeros a power cut left. Everything from there on is the torn
 * tail. Bytes that are none of these (a corrupt member with more data after it, a non-gzip header) are not a
 * crash's work, and cutting them could cut data, so they are an IOException. Inflates to check, keeps nothing.
 */
final class GzipMembers {

    /** complete: the bytes up to the end of the last complete member; uncompressed: what those members hold. */
    record Scan(long complete, long uncompressed, long size) {
        boolean torn() {
            return complete < size;
        }
    }

    private static final int CHUNK = 64 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xE0;

    private final FileChannel channel;
    private final long size;
    private final byte[] buffer = new byte[CHUNK];
    private final byte[] discard = new byte[CHUNK];

    private GzipMembers(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    static Scan scan(FileChannel channel) throws IOException {
        return new GzipMembers(channel).scan();
    }

    private Scan scan() throws IOException {
        long complete = 0;
        long uncompressed = 0;
        Inflater inflater = new Inflater(true);
        try {
            while (complete < size) {
                long[] member = member(complete, inflater); // {end, uncompressed bytes}, or null when torn
                if (member == null) {
                    break;
                }
                complete = member[0];
                uncompressed += member[1];
                inflater.reset();
            }
        } finally {
            inflater.end();
        }
        return new Scan(complete, uncompressed, size);
    }

    private long[] member(long start, Inflater inflater) throws IOException {
        long data = header(start);
        if (data < 0) {
            return null;
        }
        CRC32 crc = new CRC32();
        long produced = 0;
        long fed = data;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int n = read(fed, buffer, CHUNK);
                    if (n <= 0) {
                        return null; // cut short
                    }
                    inflater.setInput(buffer, 0, n);
                    fed += n;
                }
                int out = inflater.inflate(discard);
                crc.update(discard, 0, out);
                produced += out;
                if (out == 0 && inflater.needsDictionary()) {
                    return null;
                }
            }
        } catch (DataFormatException e) {
            return null; // garbage where the deflate data goes on: what a cut or a power cut leaves
        }
        long trailer = data + inflater.getBytesRead();
        byte[] t = new byte[8];
        if (read(trailer, t, 8) < 8) {
            return null;
        }
        long end = trailer + 8;
        if (le32(t, 0) != crc.getValue() || le32(t, 4) != (produced & 0xFFFFFFFFL)) {
            if (end < size) {
                throw new IOException("corrupt gzip member at byte " + start + ", with more data after it");
            }
            return null;
        }
        return new long[] {end, produced};
    }

    /** Where the member's deflate data starts, or -1 when the header is cut short or the tail is zeros. */
    private long header(long start) throws IOException {
        byte[] h = new byte[10];
        int n = read(start, h, 10);
        if (n < 10 && startsLikeGzip(h, n) || allZeros(start)) {
            return -1;
        }
        if (n < 10 || !startsLikeGzip(h, n) || h[2] != 8 || (h[3] & RESERVED) != 0) {
            throw new IOException("not a gzip member at byte " + start);
        }
        int flags = h[3];
        long p = start + 10;
        if ((flags & FEXTRA) != 0) {
            byte[] x = new byte[2];
            if (read(p, x, 2) < 2) {
                return -1;
            }
            p += 2 + ((x[0] & 0xFF) | (x[1] & 0xFF) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(p);
        }
        if ((flags & FCOMMENT) != 0 && p >= 0) {
            p = afterZero(p);
        }
        if (p < 0 || p > size) {
            return -1;
        }
        if ((flags & FHCRC) != 0) {
            byte[] c = new byte[2];
            if (read(p, c, 2) < 2) {
                return -1;
            }
            checkHeaderCrc(start, p, (c[0] & 0xFF) | (c[1] & 0xFF) << 8);
            p += 2;
        }
        return p;
    }

    private void checkHeaderCrc(long start, long end, int expected) throws IOException {
        CRC32 crc = new CRC32();
        for (long p = start; p < end; ) {
            int n = read(p, buffer, (int) Math.min(CHUNK, end - p));
            crc.update(buffer, 0, n);
            p += n;
        }
        if ((crc.getValue() & 0xFFFF) != expected) {
            throw new IOException("corrupt gzip header at byte " + start);
        }
    }

    private static boolean startsLikeGzip(byte[] h, int n) {
        return (n < 1 || h[0] == 0x1f) && (n < 2 || h[1] == (byte) 0x8b);
    }

    /** The position after the next zero byte from p, or -1 when the file ends first. */
    private long afterZero(long p) throws IOException {
        while (p < size) {
            int n = read(p, buffer, CHUNK);
            for (int i = 0; i < n; i++) {
                if (buffer[i] == 0) {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return -1;
    }

    private boolean allZeros(long from) throws IOException {
        for (long p = from; p < size; ) {
            int n = read(p, buffer, CHUNK);
            for (int i = 0; i < n; i++) {
                if (buffer[i] != 0) {
                    return false;
                }
            }
            p += n;
        }
        return true;
    }

    /** Reads up to len bytes at position; fewer only at the end of the file. */
    private int read(long position, byte[] into, int len) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, 0, len);
        while (b.hasRemaining() && position + b.position() < size) {
            if (channel.read(b, position + b.position()) < 0) {
                break;
            }
        }
        return b.position();
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
