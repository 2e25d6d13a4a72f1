package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.sqsredrive.mover.CallFailure;
import dev.sqsredrive.mover.CallFailures;

/**
 * What a file's failures mean to the mover: a write or read that failed (disk full, read-only, gone) is
 * never retried — the next attempt would fail the same way, or write a line twice — and ends the run.
 * Anything that is not a file's failure is the other kind's to read.
 */
public final class FileFailures implements CallFailures {

    /** A write to a message file that failed: nothing of the batch is confirmed. */
    public static final class FileWriteFailed extends UncheckedIOException {
        FileWriteFailed(FileRef file, IOException cause) {
            super("cannot write " + (file.stdout() ? "standard output" : file.path().toString()) + ": "
                    + reason(cause), cause);
        }
    }

    private final CallFailures other;

    /** @param other the failures of the queues on the other side of the move (SQS) */
    public FileFailures(CallFailures other) {
        this.other = other;
    }

    @Override
    public CallFailure classify(RuntimeException e) {
        if (e instanceof UncheckedIOException io) {
            return new CallFailure(CallFailure.Type.REFUSED, io.getCause().getClass().getSimpleName(),
                    io.getMessage(), false);
        }
        return other.classify(e);
    }

    @Override
    public String describe(RuntimeException e, String subject) {
        if (e instanceof UncheckedIOException) {
            return subject + " failed: " + e.getMessage() + "; what was not written stays in the DLQ";
        }
        return other.describe(e, subject);
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
