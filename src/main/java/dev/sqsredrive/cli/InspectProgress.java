package dev.sqsredrive.cli;

import java.io.PrintWriter;

import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.mover.ProgressListener;
import dev.sqsredrive.render.InspectText;

/**
 * The one progress line of a scan, rewritten in place on stderr about once a second; only on a terminal, so a
 * script's stderr stays free of it.
 */
final class InspectProgress implements ProgressListener {

    private final PrintWriter err;
    private final boolean terminal;
    private boolean drawn;

    InspectProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(MoveProgress p) {
        if (!terminal) {
            return;
        }
        err.print("\r\u001b[2K" + InspectText.progress(p));
        err.flush();
        drawn = true;
    }

    /** Clears the line before the results. */
    void end() {
        if (drawn) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
