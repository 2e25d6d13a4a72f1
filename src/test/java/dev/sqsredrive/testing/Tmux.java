package dev.sqsredrive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for tests: a detached tmux session on a private server socket, whose pane can be typed
 * into and read back with capture-pane. Tests that need it skip when tmux is not installed.
 */
public final class Tmux implements AutoCloseable {

    private final Path socketDir;
    private final String socket;
    private final String session = "t";

    /** A private server socket in a fresh directory, removed on close (tmux leaves its socket file behind). */
    private Tmux() {
        try {
            socketDir = Files.createTempDirectory("redrive-tmux-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        socket = socketDir.resolve("s").toString();
    }

    /** Whether a tmux binary answers here. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A new session of the given size running {@code shellCommand} in its one pane. */
    public static Tmux start(int columns, int rows, String shellCommand) {
        Tmux t = new Tmux();
        t.tmux("-f", "/dev/null", "new-session", "-d", "-s", t.session, "-x", Integer.toString(columns),
                "-y", Integer.toString(rows), shellCommand);
        return t;
    }

    /** Types text into the pane; "Enter" and other key names are sent as keys. */
    public void sendKeys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    public void resize(int columns, int rows) {
        tmux("resize-window", "-t", session, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /**
     * The pane's text from the start of its history (so nothing scrolled away is missed), trailing blank
     * lines dropped; with colour escapes kept when {@code escapes}.
     */
    public String capture(boolean escapes) {
        String text = escapes ? tmux("capture-pane", "-p", "-e", "-S", "-", "-t", session)
                : tmux("capture-pane", "-p", "-S", "-", "-t", session);
        return text.stripTrailing() + "\n";
    }

    /** Captures until the pane shows what {@code ready} looks for; fails with the last capture otherwise. */
    public String awaitCapture(Duration budget, Predicate<String> ready, String waitingFor) {
        Deadline d = Deadline.in(budget);
        String last = capture(false);
        while (!ready.test(last)) {
            String seen = last;
            d.check(() -> waitingFor + "; the pane shows:\n" + seen);
            last = capture(false);
        }
        return last;
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("tmux " + args[0] + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run tmux: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running tmux", e);
        }
    }

    @Override
    public void close() {
        try {
            tmux("kill-server");
        } catch (IllegalStateException alreadyGone) {
            // the server exits by itself once its last session ends
        }
        try {
            Files.deleteIfExists(Path.of(socket));
            Files.deleteIfExists(socketDir);
        } catch (IOException leftBehind) {
            // a stray empty directory in the temp dir is no reason to fail a test
        }
    }
}
