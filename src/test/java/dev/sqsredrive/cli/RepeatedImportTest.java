package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a file whose import already COMPLETED would send every message again: refused with one line and
 * exit 2, unless --again asks for it; then each resend is counted as a possible duplicate (issue 17, case 3).
 */
@Timeout(120)
class RepeatedImportTest extends ElasticMqCliTest {

    @TempDir
    Path dir;

    @Test
    void aSecondImportOfTheSameFileIsRefusedUnlessAgainIsGivenAndThenItsResendsAreCounted() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = queues.send(dlq, 40, "imp");
        Path file = dir.resolve("dlq.ndjson");
        assertThat(redrive("start", dlq.name(), "--to", "file:" + file).exitCode()).isZero();
        RunResult first = redrive("start", "file:" + file, "--to", target.name(), "-o", "json");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        RunResult refused = redrive("start", "file:" + file, "--to", target.name(), "-o", "json");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err().strip().lines()).as(refused.toString()).hasSize(1);
        assertThat(refused.err()).contains("was imported already").contains("--again");
        assertThat(queues.depth(target)).as("nothing sent again").isEqualTo(40);

        RunResult again = redrive("start", "file:" + file, "--to", target.name(), "--again", "-o", "json");
        MoverSummary s = MoverSummary.of(again);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(s.moved()).isEqualTo(40);
        assertThat(s.duplicatesPossible()).as("every resend admitted; " + again).isEqualTo(40);
        assertThat(queues.bodies(queues.drain(target))).hasSize(80).containsAll(bodies);
    }
}
