package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real export and of a real import, then `start --resume`: every message ends in the file (or
 * the queue) once, beyond the duplicates the resumed run reports, and the file holds no half line.
 */
@Timeout(240)
class FileKillResumeTest extends ElasticMqCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES = 300;

    @TempDir
    Path dir;

    @Test
    void anExportKilledMidWayResumesIntoTheSameFileWithEveryMessageInIt() {
        Queue dlq = queues.create("dlq");
        List<String> bodies = queues.send(dlq, MESSAGES, "x");
        Path file = dir.resolve("export.ndjson");

        String handle = killWhen(() -> lines(file).size() >= 60, "start", dlq.name(), "--to", "file:" + file,
                "--rate", "50");
        RunResult resumed = redrive("start", "--resume", handle, "-o", "json");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(queues.depth(dlq)).as("every message left the DLQ for the file").isZero();
        List<String> inFile = bodiesOf(lines(file));
        assertThat(inFile).as("the file holds every message").containsAll(bodies);
        long duplicates = inFile.size() - inFile.stream().distinct().count();
        assertThat(duplicates).as("lines written twice vs reported; " + resumed)
                .isLessThanOrEqualTo(MoverSummary.of(resumed).duplicatesPossible());
        System.out.println("export killed and resumed: " + inFile.size() + " lines, " + duplicates + " duplicates");
    }

    @Test
    void anImportKilledMidWayResumesWithoutSendingTwiceWhatItRecorded() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = queues.send(dlq, MESSAGES, "i");
        Path file = dir.resolve("import.ndjson");
        assertThat(redrive("start", dlq.name(), "--to", "file:" + file, "--copy").exitCode()).isZero();

        String handle = killWhen(() -> queues.depth(target) >= 60, "start", "file:" + file, "--to", target.name(),
                "--rate", "50");
        long beforeResume = queues.depth(target);
        RunResult resumed = redrive("start", "--resume", handle, "-o", "json");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        List<String> arrived = queues.bodies(queues.drain(target));
        assertThat(arrived).as("every line's message arrived").containsAll(bodies);
        long duplicates = arrived.size() - arrived.stream().distinct().count();
        assertThat(duplicates).as("sent twice vs reported; " + resumed)
                .isLessThanOrEqualTo(MoverSummary.of(resumed).duplicatesPossible());
        assertThat(MoverSummary.of(resumed).moved()).as("the resume moved only what was left; " + resumed)
                .isLessThan(MESSAGES).isGreaterThanOrEqualTo(MESSAGES - beforeResume);
        System.out.println("import killed at " + beforeResume + " and resumed: " + arrived.size() + " arrived, "
                + duplicates + " duplicates");
    }

    /** Starts a real process, waits for the condition, kills it with SIGKILL; returns its task handle. */
    private String killWhen(java.util.function.BooleanSupplier condition, String... args) {
        Map<String, String> env = new HashMap<>(queues.env(state));
        try (RedriveProcess p = RedriveProcess.start(env, dir, args)) {
            String handle = p.readLine();
            assertThat(handle).as("the handle comes first; stderr:\n" + p.stderr()).startsWith("client-");
            Deadline.await(Duration.ofSeconds(60), condition, () -> "the run to get under way; " + p.stderr());
            p.kill();
            return handle;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bodies of the file's lines; each line must be whole JSON (no half line survives a kill). */
    private static List<String> bodiesOf(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            try {
                JsonNode n = JSON.readTree(l);
                out.add(n.path("body").asText());
            } catch (IOException e) {
                throw new AssertionError("a line that is no JSON: " + l, e);
            }
        }
        return out;
    }

}
