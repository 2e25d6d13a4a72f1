package dev.sqsredrive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small real file system that fills up: a tmpfs mounted on a folder of the test's. Mounting needs root (the
 * tests run as root on this project's machines); where it is refused the test is skipped with the reason, not
 * faked.
 */
public record Tmpfs(Path path) implements AutoCloseable {

    /** Mounts a tmpfs of this size (e.g. "64k") on dir, creating dir; only its owner may use it (mode 700). */
    public static Tmpfs mount(Path dir, String size) {
        try {
            Files.createDirectories(dir);
            assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=700", "tmpfs", dir.toString()),
                    "cannot mount a tmpfs here (mount needs root)");
        } catch (IOException e) {
            assumeTrue(false, "cannot mount a tmpfs here: " + e);
        }
        return new Tmpfs(dir);
    }

    private static boolean exec(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        exec("umount", path.toString());
    }
}
