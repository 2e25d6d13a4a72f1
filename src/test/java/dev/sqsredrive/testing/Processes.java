package dev.sqsredrive.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real process (a shell, the launcher, man) and returns its exit code and both streams. */
public final class Processes {

    private Processes() {
    }

    public static RunResult run(Path dir, Map<String, String> env, List<String> command) {
        return run(dir, env, command, false);
    }

    /** Runs command with env as its whole environment: nothing of this JVM's (no JAVA_HOME, no PATH) leaks in. */
    public static RunResult runWithOnly(Path dir, Map<String, String> env, List<String> command) {
        return run(dir, env, command, true);
    }

    private static RunResult run(Path dir, Map<String, String> env, List<String> command, boolean onlyEnv) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            if (onlyEnv) {
                builder.environment().clear();
            }
            builder.environment().putAll(env);
            Process p = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("gave up after 120 s waiting for " + command);
            }
            return new RunResult(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /** Whether a program is on the PATH (tests of a shell that is absent are skipped, not failed). */
    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A `redrive` executable in dir that runs this build's classes in a new JVM, as an installed redrive
     * would be run by a shell completing its arguments.
     */
    public static Path redriveScript(Path dir) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path script = dir.resolve("redrive");
        Files.writeString(script, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '" + classpath + "' dev.sqsredrive.cli.Main \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
