package dev.sqsredrive.render;

import java.util.List;

/** Where a live view draws: a block of lines redrawn in place. The terminal one is {@link TerminalScreen}. */
public interface Screen extends AutoCloseable {

    /** Columns available now; asked before every frame, so a resize is seen at the next one. */
    int width();

    /** Replaces the block drawn last with these lines (each already fitted to {@link #width()}). */
    void draw(List<String> lines);

    /**
     * Takes the block off the screen, so that a line printed next lands where it was; the next
     * {@link #draw} starts a new block below that line.
     */
    void clear();

    /** Calls back when the terminal was resized, from whatever thread noticed. */
    void onResize(Runnable redraw);

    /** The charset lines are written in, to choose {@link Glyphs}. */
    java.nio.charset.Charset charset();

    /** Leaves the last block on screen and moves below it. */
    @Override
    void close();
}
