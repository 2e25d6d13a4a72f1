package dev.sqsredrive.mover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.sqsredrive.files.PrivateFiles;

/**
 * The crash journal of one client-side task: a header line (the task's options, as JSON), then one line
 * per message: {@code A <MessageId>} just before a send is attempted, {@code S <MessageId>} once the
 * destination confirmed it, {@code N <MessageId>} once the destination answered that it did not take it
 * (refused or throttled past every retry, with no attempt left unanswered), {@code D <MessageId>} once it
 * was deleted from the DLQ (or found gone from it), and {@code R} when a run ended and printed its summary
 * (whose "duplicates possible" counted what the lines above it may have duplicated). A message with S and no D was sent but maybe not
 * deleted: a resumed or repeated run deletes it instead of sending it again. A message with an A that no S
 * or N follows may or may not have reached the destination (the process died between the send and its
 * record, or an answer was lost): a later run must send it again, never delete it unsent, and counts that
 * resend as a possible duplicate; one that may have reached it twice already while no summary said so (the
 * runs were killed) is counted by the next run that ends.
 * <p>
 * One write per batch, straight to the operating system, so a killed process (kill -9) loses nothing;
 * {@link #sync()} forces it to disk and runs about once a second, so a power cut can lose at most the
 * last second (those messages may be sent twice; for FIFO, SQS drops the resend within five minutes).
 */
public final class Journal implements AutoCloseable {

    static final char ATTEMPTED = 'A';
    static final char SENT = 'S';
    static final char NOT_SENT = 'N';
    static final char DELETED = 'D';
    /** The MessageId a destination gave a sent message (one pass: it keeps it when it dead-letters again). */
    static final char GIVEN = 'M';
    /** A run's summary is out: the copies recorded so far were reported (an R line; its id is unused). */
    static final char REPORTED = 'R';
    /**
     * Beside an A line: the message's fingerprint ({@link Msg#fingerprint}), "F id fingerprint", so that a
     * resumed run knows the copy of a send whose outcome went unrecorded when it comes back with a new MessageId.
     * A version that does not know the line skips it.
     */
    static final char FINGERPRINT = 'F';

    private final Path file;
    private final FileChannel channel;
    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens a journal for appending; a new one starts with the header line. */
    public static Journal open(Path file, String headerJson) {
        try {
            PrivateFiles.createDirectories(file.getParent());
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), PrivateFiles.fileAttributes());
            Journal j = new Journal(file, ch);
            if (fresh) {
                j.write(headerJson.replace('\n', ' ') + "\n");
            } else if (!endsWithNewline(file)) {
                // A line cut short by a crash: end it, or the first entry appended now would be glued to it
                // and lost with it when the journal is read.
                j.write("\n");
            }
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return in.read(last, in.size() - 1) == 1 && last.get(0) == '\n';
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Recorded before each send, so that a crash between the send and {@link #sent} is not silent: an A line
     * per message, and an F line with its fingerprint where it has one, in one write.
     */
    public void attempting(List<Msg> messages) {
        if (messages.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(messages.size() * 120);
        for (Msg m : messages) {
            line(sb, ATTEMPTED, m.id());
        }
        for (Msg m : messages) {
            if (m.fingerprint() != null) {
                line(sb, FINGERPRINT, m.id() + ' ' + m.fingerprint());
            }
        }
        write(sb.toString());
    }

    public void sent(Collection<String> messageIds) {
        append(SENT, messageIds);
    }

    /** MessageIds the destination gave the messages just sent: a resumed run counts them as moved. */
    public void given(Collection<String> destinationIds) {
        append(GIVEN, destinationIds);
    }

    /** The destination answered that it did not take these: no later send of them can be a duplicate. */
    public void notSent(Collection<String> messageIds) {
        append(NOT_SENT, messageIds);
    }

    public void deleted(Collection<String> messageIds) {
        append(DELETED, messageIds);
    }

    /** The run ended and its summary, with the duplicates it counted, is about to be printed. */
    public void reported() {
        append(REPORTED, java.util.List.of("summary"));
    }

    /** Forces what was written to disk. */
    public void sync() {
        try {
            if (channel.isOpen()) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(char kind, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(messageIds.size() * 40);
        for (String id : messageIds) {
            line(sb, kind, id);
        }
        write(sb.toString());
    }

    /** One entry line: its kind, a space, what it records. */
    private static void line(StringBuilder sb, char kind, String text) {
        sb.append(kind).append(' ').append(text).append('\n');
    }

    private synchronized void write(String text) {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage() + "; make room"
                    + " there, then 'redrive start --resume " + Journals.handleOf(file) + "' carries on", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel.isOpen()) {
                try {
                    channel.force(false);
                } finally {
                    channel.close(); // a full disk must not leave the file open (and its file system busy)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + file + ": " + e.getMessage(), e);
        }
    }
}
