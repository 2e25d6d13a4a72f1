package dev.sqsredrive.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The live view's screen: the process's own terminal, on stderr (stdout keeps results only), through
 * JLine. Created only when a live view is shown, so --help and scripts never load JLine.
 *
 * <p>JLine's "exec" provider is the only one used: it is plain Java that runs {@code test}, {@code tty} and
 * {@code stty}, so it needs no JNI library, no FFM (which JDK 24+ would warn about on stderr) and nothing
 * extra in a GraalVM native image. Where it cannot serve (Windows outside Cygwin/MSYS, no /bin/stty, stderr
 * not a terminal), {@link #open()} returns empty and the caller prints plain lines instead.
 *
 * <p>JLine's own signal handling is off ({@code nativeSignals(false)}): with it on, JLine resets SIGINT to
 * the OS default, which would kill the JVM on Ctrl-C without running shutdown hooks. Only SIGWINCH is
 * taken, to redraw at once on a resize.
 *
 * <p>In a GraalVM native image the exec provider works from the metadata JLine ships
 * (META-INF/native-image/org.jline/jline-terminal); it spawns {@code stty}, so {@code /bin/stty} must exist,
 * as it does on every Unix terminal.
 */
public final class TerminalScreen implements Screen {

    private final Terminal terminal;
    private final PrintWriter writer;
    private SignalHandler previousWinch;
    private List<String> drawn = List.of();
    private int drawnWidth;
    private boolean closed;

    private TerminalScreen(Terminal terminal) {
        this.terminal = terminal;
        this.writer = terminal.writer();
    }

    /** Held so the JUL logger (weakly referenced by its manager) keeps the level set below. */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    /**
     * The terminal behind stderr, or empty when there is none that can be drawn on in place. The caller closes
     * it, on Ctrl-C too (its interrupt hook holds the JVM until then), so the view can draw how things ended.
     */
    public static Optional<Screen> open() {
        // JLine logs through java.util.logging, whose default handler writes to stderr: nothing of it may
        // reach the operator. And when a stream is not a terminal, the exec provider asks `tty` about it
        // through a pipe it builds by reflection, else through JLine's JNI library, which JDK 24+ warns about
        // on stderr ("restricted method ... System::load"). Reflection alone fails quietly on JDK 17+ and the
        // answer is the same: not a terminal, so plain lines.
        JLINE_LOG.setLevel(Level.OFF);
        if (System.getProperty(TerminalBuilder.PROP_REDIRECT_PIPE_CREATION_MODE) == null) {
            System.setProperty(TerminalBuilder.PROP_REDIRECT_PIPE_CREATION_MODE,
                    TerminalBuilder.PROP_REDIRECT_PIPE_CREATION_MODE_REFLECTION);
        }
        try {
            Terminal t = TerminalBuilder.builder()
                    .system(true)
                    .provider(TerminalBuilder.PROP_PROVIDER_EXEC)
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                    .nativeSignals(false)
                    .dumb(false)
                    .build();
            if (t.getWidth() <= 0 || Terminal.TYPE_DUMB.equals(t.getType())
                    || Terminal.TYPE_DUMB_COLOR.equals(t.getType()) || t.getStringCapability(Capability.cursor_up) == null) {
                t.close();
                return Optional.empty();
            }
            return Optional.of(new TerminalScreen(t));
        } catch (IOException | RuntimeException noTerminal) {
            return Optional.empty();
        }
    }

    @Override
    public int width() {
        try {
            return terminal.getWidth();
        } catch (RuntimeException e) {
            return drawnWidth > 0 ? drawnWidth : 80;
        }
    }

    @Override
    public Charset charset() {
        return terminal.outputEncoding();
    }

    /**
     * SIGWINCH through sun.misc.Signal directly rather than JLine's Signals helper, which goes through
     * reflection and a dynamic proxy that a native image would need extra configuration for.
     */
    @Override
    public synchronized void onResize(Runnable redraw) {
        try {
            previousWinch = Signal.handle(new Signal("WINCH"), signal -> redraw.run());
        } catch (RuntimeException | LinkageError noSignals) {
            previousWinch = null; // no SIGWINCH here (Windows): the next poll redraws at the new width anyway
        }
    }

    @Override
    public synchronized void draw(List<String> lines) {
        if (closed) {
            return; // a SIGWINCH that arrived as the view closed: the final block is already in place
        }
        int width = width();
        climbToTop(rowsToClimb(visibleLengths(drawn), drawnWidth, width));
        if (width != drawnWidth) {
            // After a resize, clear the old block's rows before writing: a terminal that reflows remembers
            // which rows it wrapped, and would join our new lines on the next resize if they were only
            // overwritten (seen in tmux: a line above the block was eaten on widening).
            terminal.puts(Capability.clr_eos);
        }
        for (int i = 0; i < lines.size(); i++) {
            writer.write(lines.get(i));
            terminal.puts(Capability.clr_eol);
            if (i < lines.size() - 1) {
                writer.write("\r\n");
            }
        }
        terminal.puts(Capability.clr_eos);
        writer.flush();
        drawn = List.copyOf(lines);
        drawnWidth = width;
    }

    /** Takes the block off the screen, the cursor at its top-left, so that other lines can be written there. */
    @Override
    public synchronized void clear() {
        if (closed || drawn.isEmpty()) {
            return;
        }
        climbToTop(rowsToClimb(visibleLengths(drawn), drawnWidth, width()));
        terminal.puts(Capability.clr_eos);
        writer.flush();
        drawn = List.of();
    }

    private void climbToTop(int rows) {
        terminal.puts(Capability.carriage_return);
        for (int i = 0; i < rows; i++) {
            terminal.puts(Capability.cursor_up);
        }
    }

    /**
     * How many rows up the top of the last block is from the cursor (which sits on its last row). When the
     * terminal got narrower, terminals that reflow (tmux, VTE, iTerm2, kitty, Windows Terminal) have wrapped
     * each longer line onto more rows; climbing only by the line count would leave their heads behind.
     */
    static int rowsToClimb(int[] visibleLengths, int drawnWidth, int width) {
        if (visibleLengths.length == 0) {
            return 0;
        }
        int rows = 0;
        for (int length : visibleLengths) {
            rows += width < drawnWidth && width > 0 ? Math.max(1, (length + width - 1) / width) : 1;
        }
        return rows - 1;
    }

    private static int[] visibleLengths(List<String> lines) {
        return lines.stream().mapToInt(l -> AttributedString.fromAnsi(l).columnLength()).toArray();
    }

    /**
     * Stops drawing and moves below the block, once: from close() or the shutdown hook, whichever comes
     * first (a poll that draws after the hook would climb from the wrong row). On exit always a new line,
     * so the shell's prompt does not follow the "^C" the terminal echoed.
     */
    private synchronized void leave() {
        if (closed) {
            return;
        }
        closed = true;
        if (!drawn.isEmpty()) {
            writer.write("\r\n");
        }
        writer.flush();
    }

    @Override
    public synchronized void close() {
        leave();
        if (previousWinch != null) {
            Signal.handle(new Signal("WINCH"), previousWinch);
        }
        try {
            terminal.close();
        } catch (IOException ignored) {
            // stderr itself stays open: JLine wraps it so that closing the terminal does not close the stream
        }
    }
}
