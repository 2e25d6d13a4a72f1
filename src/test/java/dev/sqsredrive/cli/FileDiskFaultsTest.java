package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export onto a disk that fills up, or into a read-only folder: one line that says so, and nothing deleted
 * from the DLQ that the file does not hold. The file systems are real: a small tmpfs, mounted by the test
 * where it may mount (root, as on this project's CI machine; skipped elsewhere).
 */
@Timeout(120)
class FileDiskFaultsTest extends ElasticMqCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<Path> mounted = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounted) {
            run("umount", m.toString());
        }
    }

    @Test
    void aDiskThatFillsUpEndsTheExportWithOneLineAndDeletesOnlyWhatTheFileHolds() throws IOException {
        Path disk = mount("size=64k");
        Queue dlq = queues.create("dlq");
        List<String> bodies = queues.send(dlq, 150, "x".repeat(1000));
        Path file = disk.resolve("dlq.ndjson");

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + file, "--concurrency", "2");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED.code());
        assertThat(r.err()).as(r.toString()).containsPattern("cannot write " + file + ": .*No space left on device");
        Set<String> inFile = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            if (line.endsWith("}")) { // a whole line; a torn tail is the next run's to cut
                inFile.add(JSON.readTree(line).path("body").asText());
            }
        }
        List<String> inDlq = queues.bodies(queues.drain(dlq));
        assertThat(inFile).as("the disk filled before the end").hasSizeLessThan(150).isNotEmpty();
        Set<String> everywhere = new HashSet<>(inFile);
        everywhere.addAll(inDlq);
        assertThat(everywhere).as("every message in the file or still in the DLQ").containsAll(bodies);
    }

    @Test
    void aReadOnlyFolderIsRefusedBeforeAnythingMoves() throws IOException {
        Path readOnly = mount("ro,size=64k");
        Queue dlq = queues.create("dlq");
        queues.send(dlq, 10, "m");

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + readOnly.resolve("dlq.ndjson"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("is not writable");
        assertThat(queues.depth(dlq)).isEqualTo(10);
    }

    private Path mount(String options) {
        Path m = dir.resolve("mnt" + mounted.size());
        try {
            Files.createDirectories(m);
            boolean ok = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", m.toString());
            assumeTrue(ok, "cannot mount a tmpfs here (needs root)");
        } catch (IOException | InterruptedException e) {
            assumeTrue(false, "cannot mount a tmpfs here: " + e);
        }
        mounted.add(m);
        return m;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
