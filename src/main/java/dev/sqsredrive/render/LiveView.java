package dev.sqsredrive.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.task.MoveTask;

/**
 * The live progress of one task: fed every poll, it measures the rate and redraws the block in place.
 * It knows nothing of where the task comes from, so native and client-side tasks look the same.
 */
public final class LiveView implements AutoCloseable {

    private final Screen screen;
    private final Style style;
    private final Glyphs glyphs;
    private final RateMeter meter = new RateMeter();
    private MoveTask task;
    private Instant polledAt;
    private List<String> guards = List.of();

    public LiveView(Screen screen, Style style) {
        this.screen = screen;
        this.style = style;
        this.glyphs = Glyphs.forCharset(screen.charset());
        screen.onResize(this::redraw);
    }

    /** One poll's worth of news. */
    public synchronized void show(MoveTask now, Instant at) {
        show(now, at, List.of());
    }

    /**
     * @param guards lines below the numbers while the run goes: a client-side run's workers, and what holds it
     *               right now (its canary or backpressure), a line each
     */
    public synchronized void show(MoveTask now, Instant at, List<String> guards) {
        this.guards = List.copyOf(guards);
        meter.add(at, now.moved());
        boolean endedNow = now.status().terminal() && task != null && !task.status().terminal();
        boolean endedBefore = now.status().terminal() && task == null;
        if (!now.status().terminal() || endedNow) {
            polledAt = at;
        } else if (endedBefore) {
            polledAt = null; // ended before we looked: how long it took is not known here
        }
        task = now;
        redraw();
    }

    /**
     * Prints lines (notes on stderr) above the block rather than into it: the block is taken off, the
     * lines written where it was, and the block drawn again below them.
     */
    public synchronized void above(Runnable print) {
        screen.clear();
        print.run();
        redraw();
    }

    /** Draws the last state again, at the width the terminal has now. */
    public synchronized void redraw() {
        if (task == null) {
            return;
        }
        List<String> lines = ProgressLayout.lines(task, meter.perSecond(), polledAt, screen.width(), glyphs, guards);
        screen.draw(coloured(lines));
    }

    /** The status word coloured; the rest stays plain, since colour is for spotting the state at a glance. */
    private List<String> coloured(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        String status = task.status().name();
        String first = out.get(0);
        if (first.startsWith(status)) {
            String painted = switch (task.status()) {
                case COMPLETED -> style.green(status);
                case FAILED -> style.red(status);
                case CANCELLED, CANCELLING, INCOMPLETE, INTERRUPTED -> style.yellow(status);
                case RUNNING -> style.bold(status);
            };
            out.set(0, painted + first.substring(status.length()));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        screen.close();
    }
}
