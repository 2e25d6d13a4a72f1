package dev.sqsredrive.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.sqsredrive.time.Sleeper;

/**
 * The local half of "who" in the audit log: the user running redrive and the machine's host name. Told
 * without a network lookup (InetAddress.getLocalHost may wait on DNS for seconds): the environment, the
 * kernel's own name for the host, else the {@code hostname} program, given one second at most.
 *
 * @param user the JVM's user name (the account the process runs as)
 * @param host the host name, null when none could be told
 */
public record LocalIdentity(String user, String host) {

    private static final Path[] HOST_FILES = {Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname")};
    private static final Duration HOSTNAME_WAIT = Duration.ofSeconds(1);

    /** @param sleeper the command's: the wait for the {@code hostname} program is a time of its clock */
    public static LocalIdentity of(Map<String, String> env, Sleeper sleeper) {
        return new LocalIdentity(System.getProperty("user.name"), host(env, sleeper).orElse(null));
    }

    private static Optional<String> host(Map<String, String> env, Sleeper sleeper) {
        for (String name : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        for (Path file : HOST_FILES) {
            try {
                String v = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!v.isEmpty()) {
                    return Optional.of(v);
                }
            } catch (IOException | RuntimeException absent) {
                // not Linux, or not readable: the next way
            }
        }
        return fromProgram(sleeper);
    }

    private static Optional<String> fromProgram(Sleeper sleeper) {
        Process p = null;
        try {
            p = new ProcessBuilder("hostname").redirectErrorStream(true).start();
            CountDownLatch exited = new CountDownLatch(1);
            p.onExit().thenRun(exited::countDown);
            if (!sleeper.sleepUntil(exited, HOSTNAME_WAIT) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String v = new String(p.getInputStream().readNBytes(256), StandardCharsets.UTF_8).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (p != null) {
                p.destroy();
            }
        }
    }
}
