package dev.sqsredrive.cli.badinput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.sqsredrive.testing.Tmpfs;

/**
 * A state directory on a file system with no space left: a 64 KiB tmpfs, filled up. Mounting needs root
 * (the tests run as root here); where mount is refused the case is skipped, not faked: the JVM has no
 * per-process file size limit to stand in for it.
 */
record FullDisk(Path path, Tmpfs disk) implements AutoCloseable {

    static FullDisk mount(Path dir) {
        Tmpfs disk = Tmpfs.mount(dir, "64k");
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
            byte[] block = new byte[4096];
            for (int i = 0; i < 64; i++) { // 256 KiB: more than the file system holds
                out.write(block);
            }
        } catch (IOException full) {
            // what was wanted: no space left
        }
        return new FullDisk(dir, disk);
    }

    @Override
    public void close() throws IOException {
        disk.close();
    }
}
