package dev.sqsredrive.task;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;
import java.util.Map;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.files.PrivateFiles;

/**
 * Where sqs-redrive keeps what it must remember between runs (tasks it started, client-side journals):
 * $REDRIVE_STATE_DIR, else $XDG_STATE_HOME/sqs-redrive, else ~/.local/state/sqs-redrive (XDG base
 * directories; on macOS and Windows the same path under the home directory keeps things predictable).
 */
public final class StateDir {

    private StateDir() {
    }

    /**
     * The state directory. REDRIVE_STATE_DIR is bad input (exit 2, one line) when relative (the state would
     * move with the current folder, and `list` elsewhere would find nothing) or when it names a file (`list`
     * once said "No move tasks." over it).
     */
    public static Path resolve(Map<String, String> env) {
        String explicit = env.get("REDRIVE_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            Path dir = path(explicit);
            if (!dir.isAbsolute()) {
                throw RedriveException.usage("REDRIVE_STATE_DIR=" + explicit + " is a relative path, which would"
                        + " change with the current folder: give an absolute one");
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw RedriveException.usage("REDRIVE_STATE_DIR=" + explicit + " is a file, not a directory: set it"
                        + " to a directory of your own");
            }
            return dir;
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "sqs-redrive");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "state", "sqs-redrive");
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw RedriveException.usage("REDRIVE_STATE_DIR=" + value + " is no path (" + e.getReason() + ")");
        }
    }

    /** The folders a run writes to; each is created here and probed with a real write. */
    private static final String[] WRITTEN = {"tasks", "journals", "claims"};

    /**
     * Fails (exit 9, one line) unless the state directory and its folders can be created and written, so a
     * state directory that cannot be used stops a start before anything moves rather than halfway. The
     * probe is a real write, not a permission check: root ignores permission bits, a read-only mount does not.
     * A state directory another user could write to is refused too (see {@link #requireSafe}).
     */
    public static void requireUsable(Path stateDir) {
        try {
            PrivateFiles.createDirectories(stateDir);
        } catch (IOException | UnsupportedOperationException e) {
            throw unusable(stateDir, e);
        }
        requireSafe(stateDir);
        for (String folder : WRITTEN) {
            Path dir = stateDir.resolve(folder);
            try {
                PrivateFiles.createDirectories(dir);
                Files.delete(Files.createTempFile(dir, ".probe", ".tmp", PrivateFiles.fileAttributes()));
            } catch (IOException | UnsupportedOperationException e) {
                throw unusable(stateDir, e);
            }
        }
    }

    /**
     * Refuses (exit 9, one line) an existing state directory that is world-writable or owned by another user:
     * whoever can write there can plant a journal that makes a run delete messages it never sent, or a task
     * record that points a cancel elsewhere. The owner is compared with that of a file this process creates
     * there, so no user name is looked up (and root, who may write anywhere, is still told). Followed
     * through a symbolic link: what counts is the directory the files land in.
     */
    public static void requireSafe(Path stateDir) {
        if (!PrivateFiles.posix() || !Files.isDirectory(stateDir)) {
            return;
        }
        try {
            if (Files.getPosixFilePermissions(stateDir).contains(PosixFilePermission.OTHERS_WRITE)) {
                throw refused(stateDir, "writable by every user (chmod 700 it, or use another)");
            }
            UserPrincipal owner = Files.getOwner(stateDir);
            Path probe = Files.createTempFile(stateDir, ".owner", ".tmp", PrivateFiles.fileAttributes());
            UserPrincipal me;
            try {
                me = Files.getOwner(probe);
            } finally {
                Files.delete(probe);
            }
            if (!owner.equals(me)) {
                throw refused(stateDir, "owned by " + owner.getName() + ", not by " + me.getName());
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw unusable(stateDir, e);
        }
    }

    private static RedriveException refused(Path stateDir, String why) {
        return RedriveException.state("state directory " + stateDir + ": " + why
                + " (set REDRIVE_STATE_DIR to a directory of your own)", null);
    }

    /** The one-line error for a state directory (or a file in it) that cannot be read or written. */
    public static RedriveException unusable(Path stateDir, Exception e) {
        return RedriveException.state("state directory " + stateDir + ": " + reason(e)
                + " (set REDRIVE_STATE_DIR to a writable directory)", e);
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException n) {
            return "cannot create " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT) + ": " + f.getFile();
        }
        return String.valueOf(e.getMessage());
    }
}
