package dev.sqsredrive.mover.file;

import java.nio.file.Path;

/**
 * A file named as a queue: {@code file:PATH}, or {@code file:-} for standard output.
 *
 * @param typed what the user typed
 * @param path  the file, absolute; null for standard output
 */
public record FileRef(String typed, Path path) {

    /** What every file reference starts with. */
    public static final String PREFIX = "file:";

    /** The address a file goes by in plans, task records and journals: {@code file:} and its absolute path. */
    public String address() {
        return path == null ? PREFIX + "-" : PREFIX + path;
    }

    /** The path to show: the absolute path, or "-" for standard output. */
    public String typedPath() {
        return path == null ? "- (standard output)" : path.toString();
    }

    public boolean stdout() {
        return path == null;
    }

    /** Whether its lines are gzip-compressed: a name ending in .gz. */
    public boolean gzip() {
        return path != null && path.getFileName().toString().endsWith(".gz");
    }

    /** Whether this address (of a plan, a record, a journal header) names a file rather than an SQS queue. */
    public static boolean isFile(String address) {
        return address != null && address.startsWith(PREFIX);
    }

    /** The file of an address made by {@link #address()}. */
    public static FileRef ofAddress(String address) {
        String rest = address.substring(PREFIX.length());
        return new FileRef(address, rest.equals("-") ? null : Path.of(rest));
    }
}
