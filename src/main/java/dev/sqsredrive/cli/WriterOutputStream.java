package dev.sqsredrive.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of whole UTF-8 lines onto the command's stdout writer, so that an export to file:- goes where every
 * other result goes (a test's captured stdout included). Each write holds whole lines (the message file writer
 * writes a batch at once), so no character is ever split between two writes.
 */
final class WriterOutputStream extends OutputStream {

    private final PrintWriter out;

    WriterOutputStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        out.write(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        out.flush();
    }
}
