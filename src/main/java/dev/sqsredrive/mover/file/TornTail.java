package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Where the whole part of a message file ends, so that a crash's half-written tail can be cut before more is
 * appended: a plain file ends after its last '\n', a gzip file after its last complete member.
 */
final class TornTail {

    private static final int CHUNK = 64 * 1024;

    private TornTail() {
    }

    /** Whether the file starts with gzip's magic bytes, 1f 8b (an empty file is plain). */
    static boolean gzip(FileChannel channel) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
            // a file channel reads 0 bytes only at its end, where read returns -1
        }
        return magic.position() == 2 && magic.get(0) == 0x1f && magic.get(1) == (byte) 0x8b;
    }

    /** The length of the whole part of the file: what stays when the torn tail is cut. */
    static long wholeLength(FileChannel channel) throws IOException {
        return gzip(channel) ? GzipMembers.scan(channel).complete() : afterLastNewline(channel);
    }

    static long afterLastNewline(FileChannel channel) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        for (long end = channel.size(); end > 0; ) {
            long start = Math.max(0, end - CHUNK);
            chunk.clear().limit((int) (end - start));
            while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) > 0) {
                // reads the whole window: it lies inside the file
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
