package dev.sqsredrive.mover.file;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** STUB (replaced by the file-format branch): plain files only, no torn-line detection. */
public final class MessageFileReader implements Closeable {
    public record Line(long number, String text, boolean torn) {
    }

    private final BufferedReader in;
    private long number;

    private MessageFileReader(BufferedReader in) {
        this.in = in;
    }

    public static MessageFileReader open(Path path) throws IOException {
        return new MessageFileReader(Files.newBufferedReader(path, StandardCharsets.UTF_8));
    }

    public Line next() throws IOException {
        String s = in.readLine();
        return s == null ? null : new Line(++number, s, false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
