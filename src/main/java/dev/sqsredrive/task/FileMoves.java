package dev.sqsredrive.task;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.file.FileKind;
import dev.sqsredrive.mover.file.FileQueues;
import dev.sqsredrive.mover.file.FileRef;

/**
 * What a file taking part changes in starting a move: only the client-side mover reads and writes files, an
 * export to standard output deletes nothing, and an archive must be a file that can be forced to disk.
 */
final class FileMoves {

    private FileMoves() {
    }

    /** --archive: a file that can be forced to disk, not the export itself, writable now (a new run's). */
    static void checkArchive(MoveStarter.Request r) {
        String archive = r.options().archive();
        if (archive == null) {
            return;
        }
        if (archive.isBlank() || archive.equals("-")) {
            throw RedriveException.usage("--archive needs a file: PATH (standard output cannot be forced to disk)");
        }
        FileRef file = FileRef.ofAddress(FileRef.PREFIX + archive);
        if (r.destination() != null && MovePlanner.isFile(r.destination())
                && file.address().equals(FileKind.INSTANCE.parse(r.destination()).map(FileRef::address).orElse(""))) {
            throw RedriveException.usage("--archive " + archive + " is the export file itself: name another file");
        }
        if (r.resumeHandle() == null && !r.options().dryRun()) {
            FileQueues.checkWritable(file, r.options().existing(), "--archive");
        }
    }

    /** Why files make this a client-side move, or null when none takes part. */
    static String reason(MoveStarter.Request r) {
        if (MovePlanner.isFile(r.source()) || MovePlanner.isFile(r.destination())) {
            return "a file takes part (only the client-side mover reads and writes files)";
        }
        return null;
    }

    /**
     * The options the run goes with: writing to standard output deletes nothing (a pipe cannot be forced to
     * disk, so nothing written there is sure to be kept).
     */
    static ClientOptions effective(ClientOptions options, String destination) {
        return copiesOnly(options, destination) ? options.toBuilder().copy(true).build() : options;
    }

    /** What to tell the operator when {@link #effective} made the run a copy; null otherwise. */
    static String effectiveNote(ClientOptions options, String destination) {
        return copiesOnly(options, destination) ? "writing to standard output: nothing is deleted from the DLQ (a pipe"
                + " cannot be forced to disk); export to a file:PATH to move" : null;
    }

    private static boolean copiesOnly(ClientOptions options, String destination) {
        return MovePlanner.isStdout(destination) && !options.copy();
    }
}
