package dev.sqsredrive.render;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A screen that records each frame (a clear as an empty frame), at a width the test sets. */
public final class RecordingScreen implements Screen {
    public final List<List<String>> frames = new ArrayList<>();
    public int width = 80;
    public Runnable resize;
    public boolean closed;
    public Charset charset = StandardCharsets.UTF_8;

    @Override
    public int width() {
        return width;
    }

    @Override
    public void draw(List<String> lines) {
        frames.add(lines);
    }

    @Override
    public void clear() {
        frames.add(List.of());
    }

    @Override
    public void onResize(Runnable redraw) {
        resize = redraw;
    }

    @Override
    public Charset charset() {
        return charset;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The last frame drawn, joined by newlines. */
    public String last() {
        return String.join("\n", frames.get(frames.size() - 1));
    }
}
