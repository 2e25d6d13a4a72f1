package dev.sqsredrive.mover.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What is at a path an export or archive is to write, seen without following a symbolic link: only nothing
 * (the file is created) or a regular file (added to, or replaced) may be written. A device node, a pipe or a
 * socket is never written or replaced (`--to file:/dev/full --force` once replaced the device with a file), and
 * a link is never followed or replaced, so nothing is touched that the user did not name (docs/FILES.md).
 */
public enum WriteTarget {
    ABSENT(null),
    REGULAR(null),
    FOLDER("is a folder, not a file"),
    LINK("is a symbolic link: name the file itself (a link is never followed or replaced)"),
    SPECIAL("is not a regular file (a device, pipe or socket): only a regular file is written or replaced");

    private final String refusal;

    WriteTarget(String refusal) {
        this.refusal = refusal;
    }

    public static WriteTarget of(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
        return a.isRegularFile() ? REGULAR : a.isDirectory() ? FOLDER : a.isSymbolicLink() ? LINK : SPECIAL;
    }

    /** Why nothing may be written here, or null when a file may be. */
    public String refusal() {
        return refusal;
    }
}
