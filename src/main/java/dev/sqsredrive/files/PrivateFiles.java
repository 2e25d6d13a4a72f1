package dev.sqsredrive.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders of the state directory, readable by their owner only (0600 files in 0700 folders): a
 * journal or task record names queues, accounts and message ids, which other users of the machine have no
 * business reading. Given at creation, not chmod-ed after, so no other user can open one in between. On a
 * file system without POSIX permissions (Windows) the platform's defaults apply.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the folder and any missing parents as 0700; an existing folder is left as it is. */
    public static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return POSIX ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR))
                : Files.createDirectories(dir);
    }

    /** The attributes a new file of the state directory is created with (0600), for Files and FileChannel. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /** Whether this file system has POSIX permissions and owners to check. */
    public static boolean posix() {
        return POSIX;
    }
}
