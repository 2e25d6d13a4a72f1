package dev.sqsredrive.mover.file;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.QueueKind;

/**
 * Local files as a kind of queue: {@code file:PATH} (relative to the working directory, or absolute;
 * {@code file:///abs/path} too) and {@code file:-}, standard output. It goes before the SQS kind, which takes
 * any word as a queue name.
 */
public final class FileKind implements QueueKind<FileRef> {

    public static final FileKind INSTANCE = new FileKind();

    private FileKind() {
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Optional<FileRef> parse(String reference) {
        String typed = reference.strip();
        if (!typed.startsWith(FileRef.PREFIX)) {
            return Optional.empty();
        }
        String rest = typed.substring(FileRef.PREFIX.length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2); // file:///abs/path, as a URL spells it
        }
        if (rest.isEmpty()) {
            throw RedriveException.usage("'" + reference + "' names no file: give file:PATH, or file:- for standard"
                    + " output");
        }
        if (rest.equals("-")) {
            return Optional.of(new FileRef(typed, null));
        }
        try {
            Path path = Path.of(rest).toAbsolutePath().normalize();
            return Optional.of(new FileRef(typed, path));
        } catch (InvalidPathException e) {
            throw RedriveException.usage("'" + reference + "' is no file path (" + e.getReason() + ")");
        }
    }
}
