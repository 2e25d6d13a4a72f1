package dev.sqsredrive.task;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.file.FileRef;

/**
 * An import of a file that an earlier import already moved in full: a COMPLETED client-side task with this
 * file as its source, started after the file last changed. Its journal is gone (a COMPLETED run leaves none),
 * so nothing says which lines were sent, and a new import would send every message again. It is refused with
 * one line (exit 2) unless --again says to do it; then every send is counted as a possible duplicate
 * (docs/FILES.md, "Importing a file again").
 */
final class RepeatedImport {

    private RepeatedImport() {
    }

    /**
     * @param source the move's source address
     * @return true when this import repeats a COMPLETED one and --again was given
     * @throws RedriveException (usage) when it repeats one and --again was not given
     */
    static boolean check(String source, ClientOptions o, LocalTasks local) {
        if (!FileRef.isFile(source) || o.dryRun()) {
            return false;
        }
        FileRef file = FileRef.ofAddress(source);
        if (file.stdout()) {
            return false;
        }
        Instant changed;
        try {
            changed = Files.getLastModifiedTime(file.path()).toInstant();
        } catch (IOException e) {
            return false; // the file's own check says what is wrong with it
        }
        Optional<MoveTask> done = local.all().stream().map(LocalTask::task)
                .filter(t -> t.kind() == MoveTask.Kind.CLIENT && t.status() == TaskStatus.COMPLETED)
                .filter(t -> source.equals(t.sourceArn()) && t.startedAt() != null && !t.startedAt().isBefore(changed))
                .max(Comparator.comparing(MoveTask::startedAt));
        if (done.isEmpty()) {
            return false;
        }
        if (!o.again()) {
            throw RedriveException.usage("file " + file.path() + " was imported already (task " + done.get().taskHandle()
                    + " COMPLETED, and the file has not changed since): importing it again sends every message again;"
                    + " add --again to do so, each resend counted as a possible duplicate");
        }
        return true;
    }
}
