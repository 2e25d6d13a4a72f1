package dev.sqsredrive.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * `redrive` as a real, separate process (the test JVM's own java and class path running cli.Main), for what
 * only a process can show: SIGKILL mid-move, memory of the mover. Stdout is read line by line as it comes;
 * stderr goes to a file so a chatty progress display can never block the child.
 */
public final class RedriveProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    private final Path stderr;
    private final List<String> linesRead = new ArrayList<>();

    private RedriveProcess(Process process, Path stderr) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = stderr;
    }

    /** Starts `redrive args…` with exactly this environment (plus PATH), its stderr into a file in workDir. */
    public static RedriveProcess start(Map<String, String> env, Path workDir, String... args) {
        return start(List.of(), env, workDir, args);
    }

    /** As above, with these JVM options too (a heap bound, say). */
    public static RedriveProcess start(List<String> jvmOptions, Map<String, String> env, Path workDir,
                                       String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sqsredrive.cli.Main"));
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile(workDir, "redrive-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
            Map<String, String> childEnv = pb.environment();
            String path = childEnv.get("PATH");
            childEnv.clear();
            if (path != null) {
                childEnv.put("PATH", path);
            }
            childEnv.putAll(env);
            return new RedriveProcess(pb.start(), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The next stdout line, or null at end of stream. */
    public String readLine() {
        try {
            String line = stdout.readLine();
            if (line != null) {
                linesRead.add(line);
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGTERM (what kill and timeout send): the JVM runs its shutdown hooks, as on Ctrl-C. Through the
     * ProcessHandle, because Process.destroy() also closes our end of its stdout.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no shutdown hook, no finally block, no last journal write runs. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("redrive process " + pid() + " still alive 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the end and returns exit code, all stdout and stderr. The rest of stdout is read on a thread
     * of its own: a pooled task (the common ForkJoinPool has one worker on 2 cores) can wait behind another
     * caller's reader blocked on a live process, and never reach this stdout's end in time (fault matrix,
     * case 37: the stopped process ended, its stdout was still unread 5 s later).
     */
    public RunResult await(long timeoutSeconds) {
        FutureTask<Void> rest = new FutureTask<>(() -> {
            while (readLine() != null) {
                // collect
            }
            return null;
        });
        Thread.ofPlatform().daemon().name("redrive-stdout-" + pid()).start(rest);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("redrive did not end within " + timeoutSeconds + " s; stderr:\n" + stderr());
            }
            rest.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("waiting for redrive: " + e, e);
        }
        return new RunResult(process.exitValue(), String.join("\n", linesRead) + "\n", stderr());
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
