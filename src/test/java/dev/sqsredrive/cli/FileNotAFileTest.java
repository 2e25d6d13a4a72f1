package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import dev.sqsredrive.testing.DeviceNodes;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export, an archive, --append and --force aimed at something that is not a regular file: a device node
 * (made with mknod in a temporary folder, never a system device), a named pipe, a symbolic link. Each is
 * refused before anything moves, with one line and exit 2, and the node or link is still there as it was.
 */
@Timeout(120)
class FileNotAFileTest extends ElasticMqCliTest {

    @TempDir
    Path dir;

    private Queue dlq;

    @BeforeEach
    void fiveMessages() {
        dlq = queues.create("dlq");
        queues.send(dlq, 5, "m");
    }

    @Test
    void forceOntoADeviceNodeIsRefusedAndTheNodeStays() throws Exception {
        Path full = mknod("full", "c", "1", "7"); // what /dev/full is, made here

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + full, "--force");

        assertRefused(r, "not a regular file");
        assertThat(attributes(full).isOther()).as("still a device node").isTrue();
        assertThat(queues.depth(dlq)).isEqualTo(5);
    }

    @Test
    void anArchiveOntoADeviceNodeIsRefusedEvenWithForce() throws Exception {
        Queue to = queues.create("to");
        Path node = mknod("null", "c", "1", "3");

        RunResult r = redrive("start", dlq.name(), "--to", to.name(), "--archive", node.toString(), "--force");

        assertRefused(r, "not a regular file");
        assertThat(attributes(node).isOther()).isTrue();
        assertThat(queues.depth(dlq)).isEqualTo(5);
        assertThat(queues.depth(to)).isZero();
    }

    @Test
    void appendToANamedPipeIsRefused() throws Exception {
        Path pipe = mknod("pipe", "p");

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + pipe, "--append");

        assertRefused(r, "not a regular file");
        assertThat(attributes(pipe).isOther()).isTrue();
        assertThat(queues.depth(dlq)).isEqualTo(5);
    }

    @Test
    void forceOntoASymlinkReplacesNeitherTheLinkNorWhatItPointsTo() throws Exception {
        Path real = Files.writeString(dir.resolve("real.ndjson"), "kept\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.ndjson"), real);

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + link, "--force");

        assertRefused(r, "symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real, StandardCharsets.UTF_8)).isEqualTo("kept\n");
        assertThat(queues.depth(dlq)).isEqualTo(5);
    }

    @Test
    void appendThroughADanglingSymlinkCreatesNothing() throws Exception {
        Path unnamed = dir.resolve("elsewhere.ndjson");
        Path link = Files.createSymbolicLink(dir.resolve("link.ndjson"), unnamed);

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + link, "--append");

        assertRefused(r, "symbolic link");
        assertThat(unnamed).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(queues.depth(dlq)).isEqualTo(5);
    }

    @Test
    void forceStillReplacesARegularFile() throws Exception {
        Path old = Files.writeString(dir.resolve("old.ndjson"), "old\n");

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + old, "--force");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(old)).hasSize(5).noneMatch(l -> l.equals("old"));
        assertThat(queues.depth(dlq)).isZero();
    }

    private static void assertRefused(RunResult r, String word) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("redrive: ").contains(word);
    }

    private Path mknod(String name, String... type) {
        return DeviceNodes.make(dir.resolve(name), type);
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
