package dev.sqsredrive.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;

/**
 * The live view of a client-side run in this process, fed by the mover's progress instead of polls: each
 * tick becomes the task as `watch` would read it from the record, so both look the same.
 */
public final class ClientRunView implements AutoCloseable {

    private final LiveView view;
    private final MoveTask started;
    private MoveTask last;
    private Instant lastAt;

    /** @param started the task as recorded when the run began (its count includes what earlier runs moved) */
    public ClientRunView(LiveView view, MoveTask started) {
        this.view = view;
        this.started = started;
        this.last = started;
        this.lastAt = started.startedAt();
    }

    /** One tick of the mover: its counts are this run's, on top of what the task had moved before. */
    public void progress(MoveProgress p) {
        last = new MoveTask(started.taskHandle(), started.kind(), TaskStatus.RUNNING, started.sourceArn(),
                started.destinationArn(), started.rate(), started.moved() + p.moved(), started.toMove(), null,
                started.startedAt(), Math.max(started.returned(), p.returned())); // as the record counts them
        // The mover's own monotonic elapsed time, so the measured rate does not jump with the wall clock.
        lastAt = started.startedAt().plus(p.elapsed());
        List<String> below = new ArrayList<>();
        if (p.workers() != null) {
            below.add(WorkersText.now(p.workers())); // an adaptive number moves as the run goes
        }
        below.addAll(p.guards());
        view.show(last, lastAt, below);
    }

    /** Lines printed while the view is up go above it. */
    public void above(Runnable print) {
        view.above(print);
    }

    /** How the run ended, as recorded (null for a run that was never recorded): drawn as the last frame. */
    public void end(MoveTask ended) {
        if (ended != null) {
            view.show(ended, lastAt);
        }
    }

    @Override
    public void close() {
        view.close();
    }
}
