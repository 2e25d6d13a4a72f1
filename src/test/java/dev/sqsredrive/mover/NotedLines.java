package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.List;

/** A run's listener for tests: keeps the lines it notes (what the operator reads on stderr), ignores progress. */
final class NotedLines implements ProgressListener {

    final List<String> lines = new ArrayList<>();

    @Override
    public void onProgress(MoveProgress progress) {
    }

    @Override
    public void note(String line) {
        lines.add(line);
    }
}
