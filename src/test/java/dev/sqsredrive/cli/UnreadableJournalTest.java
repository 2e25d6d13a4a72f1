package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.sqsredrive.task.LocalTask;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A file where a journal should be that is no journal is set aside (renamed .corrupt-TIME, never deleted) with
 * a warning on stderr; given to --resume it gets one line of ours, not the JSON parser's text (issue 18.6).
 */
@Timeout(120)
class UnreadableJournalTest extends ElasticMqCliTest {

    private static final String NOT_A_JOURNAL = "vm.max_map_count = 262144\nfs.file-max = 100000\n";

    @Test
    void aFileThatIsNoJournalIsSetAsideWithAWarningNotDeleted() throws IOException {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 5, "m");
        Path journal = StateFiles.journals(state).fileOf(dlq.arn(), "client-0000");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, NOT_A_JOURNAL);

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("journal " + journal).contains("set aside as client-0000.log.corrupt-");
        List<Path> aside = besides(journal);
        assertThat(aside).as("renamed, kept").hasSize(1);
        assertThat(Files.readString(aside.get(0))).isEqualTo(NOT_A_JOURNAL);
    }

    @Test
    void resumingATaskWhoseJournalIsNoJournalSaysSoInOneLine() throws IOException {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        for (String content : List.of(NOT_A_JOURNAL, "{vm.max_map_count = 262144\n")) {
            String handle = "client-" + Integer.toHexString(content.hashCode());
            StateFiles.tasks(state).save(new LocalTask(new MoveTask(handle, MoveTask.Kind.CLIENT, TaskStatus.FAILED,
                    dlq.arn(), target.arn(), null, 0, null, "killed", Instant.now()), false, null, Instant.now()));
            Path journal = StateFiles.journals(state).fileOf(dlq.arn(), handle);
            Files.createDirectories(journal.getParent());
            Files.writeString(journal, content);

            RunResult r = redrive("start", "--resume", handle);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
            assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).as(r.toString()).startsWith("redrive: ").contains("cannot be resumed")
                    .doesNotContain("Unrecognized").doesNotContain("Source:");
        }
    }

    private static List<Path> besides(Path journal) throws IOException {
        try (Stream<Path> files = Files.list(journal.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(journal.getFileName() + ".corrupt-"))
                    .toList();
        }
    }
}
