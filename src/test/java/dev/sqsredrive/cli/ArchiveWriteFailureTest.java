package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.testing.Tmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive that cannot be written after the destination confirmed a batch (a 64 KiB tmpfs fills up): those
 * messages are at the destination and still in the DLQ. The summary counts them as moved and names them; the
 * next plain start on the DLQ goes client-side (a native task would send them again unreported) and counts
 * their resends as possible duplicates (issue 17, case 1).
 */
@Timeout(180)
class ArchiveWriteFailureTest extends ElasticMqCliTest {

    @TempDir
    Path dir;

    @Test
    void messagesDeliveredButNotArchivedAreReportedAndTheNextStartAccountsForThem() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue out = queues.createSourceOf("out", dlq, false);
        List<String> bodies = queues.send(dlq, 600, "a".repeat(300));
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), "64k")) {
            Path archive = disk.path().resolve("arch.ndjson");

            RunResult first = redrive("start", dlq.name(), "--to", out.name(), "--archive", archive.toString(),
                    "-o", "json");
            MoverSummary s1 = MoverSummary.of(first);
            long inDestination = queues.depth(out);

            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.TASK_FAILED.code());
            assertThat(first.err()).as(first.toString()).contains("No space left on device");
            long unrecorded = s1.raw().path("unrecorded").asLong(-1);
            assertThat(unrecorded).as("delivered, not archived; " + first).isPositive();
            assertThat(s1.moved()).as("moved = what the destination holds; " + first).isEqualTo(inDestination);
            assertThat(queues.depth(dlq)).as("what the destination does not hold, and the unarchived")
                    .isEqualTo(600 - inDestination + unrecorded);
            assertThat(first.err()).contains(unrecorded + " of the moved message(s) reached the destination but"
                    + " their record (the archive, the journal) could not be written");

            RunResult second = redrive("start", dlq.name(), "--to", out.name(), "--yes", "-o", "json");
            MoverSummary s2 = MoverSummary.of(second);
            Census census = Census.take(queues, dlq, out, Duration.ofSeconds(60));
            long twice = census.inDestination().values().stream().filter(n -> n > 1).count();

            assertThat(second.err()).as("the start goes client-side; " + second).contains("client-side")
                    .contains("unfinished client-side runs");
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(census.lost(bodies)).isEmpty();
            assertThat(census.remaining()).isZero();
            assertThat(twice).as(census.toString()).isEqualTo(unrecorded);
            assertThat(s1.duplicatesPossible() + s2.duplicatesPossible()).as("every copy admitted; " + second)
                    .isGreaterThanOrEqualTo(twice);
        }
    }
}
