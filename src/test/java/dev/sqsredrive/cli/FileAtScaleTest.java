package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50,000 messages exported and imported back at flat memory: each run is a real process whose heap is
 * capped at {@value #HEAP}, far below what holding the messages would take (50,000 × ~1 KiB bodies, lines and
 * their copies), so a mover that kept lines or messages per run would fail here with an OutOfMemoryError.
 * Throughput and peak RSS at 100,000: the benchmark's files phase (docs/PERFORMANCE.md).
 */
@Timeout(600)
class FileAtScaleTest extends ElasticMqCliTest {

    private static final int MESSAGES = 50_000;
    private static final String HEAP = "-Xmx40m";

    @TempDir
    Path dir;

    @Test
    void fiftyThousandMessagesGoToAFileAndBackInABoundedHeap() throws IOException {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, MESSAGES, "m" + "x".repeat(900));
        Path file = dir.resolve("big.ndjson.gz");

        RunResult export = run("start", dlq.url(), "--to", "file:" + file, "-o", "json");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(queues.depth(dlq)).isZero();
        assertThat(lines(file)).isEqualTo(MESSAGES);

        RunResult imported = run("start", "file:" + file, "--to", target.url(), "-o", "json");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(queues.depth(target)).isEqualTo(MESSAGES);
    }

    private RunResult run(String... args) {
        try (RedriveProcess p = RedriveProcess.start(List.of(HEAP), queues.env(state), dir, args)) {
            return p.await(240);
        }
    }

    private static long lines(Path gz) throws IOException {
        try (Stream<String> l = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(gz)), java.nio.charset.StandardCharsets.UTF_8))
                .lines()) {
            return l.count();
        }
    }
}
