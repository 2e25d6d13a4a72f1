package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.mover.Msg;

/**
 * Files in a move's plan: checked before anything is asked or moved, and described with the attributes the
 * planner reads of a queue (a file is no FIFO queue; its depth is its count of messages).
 */
public final class FileQueues {

    /** The attribute a file source sets when some line carries a MessageGroupId: imported one worker at a time. */
    public static final String HAS_GROUPS = "redrive:MessageGroups";

    private FileQueues() {
    }

    /** What a file's lines hold: messages (distinct MessageIds), and whether any has a FIFO group. */
    public record Count(long messages, boolean groups) {
    }

    /** A file to import from: it must exist and be readable; its messages are counted (one streaming read). */
    public static ResolvedQueue source(FileRef file) {
        if (file.stdout()) {
            throw RedriveException.usage("file:- is standard output, which can only be written: import from a"
                    + " file:PATH");
        }
        Count c = count(file);
        return new ResolvedQueue(file.address(), file.address(), Map.of("FifoQueue", "false",
                "ApproximateNumberOfMessages", Long.toString(c.messages()), HAS_GROUPS, Boolean.toString(c.groups()),
                "MaximumMessageSize", Integer.toString(Integer.MAX_VALUE)));
    }

    /**
     * A file to export to (or archive into): its folder must exist; only an absent path or a regular file is
     * written ({@link WriteTarget}), and an existing file is refused unless {@code existing} says to append to it
     * or replace it.
     */
    public static ResolvedQueue destination(FileRef file, MessageFileWriter.Existing existing, String option) {
        if (!file.stdout()) {
            checkWritable(file, existing, option);
        }
        // A file takes a message of any size; SQS's own bounds apply when it is imported.
        return new ResolvedQueue(file.address(), file.address(), Map.of("FifoQueue", "false",
                "MaximumMessageSize", Integer.toString(Integer.MAX_VALUE)));
    }

    /** @param option the option that names the file, for the message ("--to", "--archive") */
    public static void checkWritable(FileRef file, MessageFileWriter.Existing existing, String option) {
        Path p = file.path();
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw RedriveException.usage(option + " " + file.typed() + ": folder " + dir + " does not exist");
        }
        WriteTarget target = target(file, option);
        if (target.refusal() != null) {
            throw RedriveException.usage(option + " " + file.typed() + " " + target.refusal());
        }
        boolean exists = target == WriteTarget.REGULAR;
        if (exists && existing == MessageFileWriter.Existing.REFUSE) {
            throw RedriveException.usage(option + " " + file.typed() + ": " + p + " exists; add --append to add to"
                    + " it, or --force to replace it");
        }
        if (exists ? !Files.isWritable(p) : !Files.isWritable(dir)) {
            throw RedriveException.usage(option + " " + file.typed() + ": " + (exists ? p : dir)
                    + " is not writable");
        }
    }

    private static WriteTarget target(FileRef file, String option) {
        try {
            return WriteTarget.of(file.path());
        } catch (IOException e) {
            throw RedriveException.usage(option + " " + file.typed() + ": " + FileFailures.reason(e));
        }
    }

    /** Counts a file's messages: lines that read as one, each MessageId once. */
    public static Count count(FileRef file) {
        Path p = file.path();
        if (!Files.isRegularFile(p)) {
            throw RedriveException.usage(Files.exists(p) ? file.typed() + " is not a regular file"
                    : "no such file: " + p);
        }
        Set<String> ids = new HashSet<>();
        boolean groups = false;
        long unnamed = 0;
        try (MessageFileReader reader = MessageFileReader.open(p)) {
            for (MessageFileReader.Line line = reader.next(); line != null; line = reader.next()) {
                if (line.torn() || line.text().isBlank()) {
                    continue;
                }
                try {
                    Msg m = MessageLines.decode(line.text()).message();
                    if (m.id() == null || m.id().isBlank()) {
                        unnamed++;
                    } else {
                        ids.add(m.id());
                    }
                    groups |= m.groupId() != null;
                } catch (MessageLines.BadLine e) {
                    // counted, and named, when the import reads it
                }
            }
        } catch (IOException e) {
            throw RedriveException.usage("cannot read " + p + ": " + FileFailures.reason(e));
        }
        return new Count(ids.size() + unnamed, groups);
    }
}
