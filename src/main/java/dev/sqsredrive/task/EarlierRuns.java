package dev.sqsredrive.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.mover.Journals;
import dev.sqsredrive.mover.ResumeState;

/**
 * The journals earlier client-side runs left on a DLQ, as a new run or a start sees them: those of runs that
 * are not moving any more (a live run's journal is its own), and what they leave unfinished.
 */
final class EarlierRuns {

    private final Journals journals;
    private final LocalTasks local;

    EarlierRuns(Journals journals, LocalTasks local) {
        this.journals = journals;
        this.local = local;
    }

    /** The journals a run of this task reads: the others' not moving any more, then its own if it has one. */
    List<Path> files(String sourceArn, String handle) {
        List<Path> files = new ArrayList<>(journals.files(sourceArn, h -> !h.equals(handle) && !runningElsewhere(h)));
        Path own = journals.fileOf(sourceArn, handle);
        if (Files.exists(own)) {
            files.add(own);
        }
        return files;
    }

    /**
     * Why a start on this DLQ must go client-side: earlier client-side runs left messages sent or maybe sent
     * and not deleted (their journals). Only the client-side mover finishes those without sending them twice
     * unreported; a native task would move them again. Null when there are none.
     */
    String unfinished(String sourceArn) {
        int open = ResumeState.read(journals.files(sourceArn, h -> !runningElsewhere(h))).unfinished();
        return open == 0 ? null : open + " message(s) that unfinished client-side runs on this DLQ sent or"
                + " may have sent are not deleted from it: the client-side mover finishes them (a native task would"
                + " send them again)";
    }

    /**
     * What the earlier runs of a resumed task may have delivered, from its journal: the record is rewritten
     * about once a second, so after a kill it lags behind what was sent (by 210 of 550 in one run), and a
     * limit counted from it was exceeded.
     */
    long deliveredBefore(String sourceArn, String handle) {
        Path own = journals.fileOf(sourceArn, handle);
        return !Files.exists(own) ? 0 : Journals.mayHaveDelivered(own);
    }

    private boolean runningElsewhere(String handle) {
        return local.find(handle).map(local::moving).orElse(false);
    }
}
