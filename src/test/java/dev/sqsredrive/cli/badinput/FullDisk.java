package dev.sqsredrive.cli.badinput;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A state directory on a file system with no space left: a 64 KiB tmpfs, filled up. Mounting needs root
 * (the tests run as root here); where mount is refused the case is skipped, not faked: the JVM has no
 * per-process file size limit to stand in for it.
 */
record FullDisk(Path path) implements AutoCloseable {

    static FullDisk mount(Path dir) {
        try {
            Files.createDirectories(dir);
            assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.toString()),
                    "mount -t tmpfs is not allowed here");
            try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
                byte[] block = new byte[4096];
                for (int i = 0; i < 64; i++) { // 256 KiB: more than the file system holds
                    out.write(block);
                }
            } catch (IOException full) {
                // what was wanted: no space left
            }
            return new FullDisk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
