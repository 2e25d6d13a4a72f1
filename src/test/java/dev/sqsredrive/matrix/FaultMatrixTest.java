package dev.sqsredrive.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of docs/RELIABILITY.md: seeded cases of faults between `redrive` and ElasticMQ (through
 * the fault proxy) and signals to a real process, each followed by a count of every message by content.
 * A fixed sample runs always; the full matrix with {@code -Pfault-matrix} ({@code -Dmatrix.full=true}),
 * seeded by {@code -Dmatrix.seed} and sized by {@code -Dmatrix.cases}, writes its table to target/.
 */
class FaultMatrixTest {

    static final long SAMPLE_SEED = 20_261_123L;

    @TempDir
    Path work;

    @Test
    @Timeout(300)
    void aFixedSampleOfEveryFaultKindLosesNothingAndReportsEveryCopy() {
        List<MatrixRow> rows = new MatrixRunner(work, 3).run(FaultMatrix.sample(SAMPLE_SEED), 4);
        report("sample, seed " + SAMPLE_SEED, rows, null);
        assertThat(rows).as("every fault kind was injected").allMatch(r -> r.faults() > 0);
        assertPassed(rows);
    }

    @Test
    @EnabledIfSystemProperty(named = "matrix.full", matches = "true")
    @Timeout(3600)
    void theFullMatrix() throws IOException {
        long seed = Long.getLong("matrix.seed", 1L);
        int cases = Integer.getInteger("matrix.cases", 90);
        // -Dmatrix.only=88,90 replays those cases of the seed alone (a failing case, after a fix)
        String only = System.getProperty("matrix.only", "");
        List<MatrixCase> picked = FaultMatrix.full(seed, cases).stream()
                .filter(c -> only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(String.valueOf(c.id())))
                .toList();
        // -Dmatrix.keep=DIR keeps every case's state directory (its journals) there for a post-mortem
        String keep = System.getProperty("matrix.keep", "");
        Path dir = keep.isBlank() ? work : Files.createDirectories(Path.of(keep));
        List<MatrixRow> rows = new MatrixRunner(dir, 3).run(picked, 55);
        report("full matrix, seed " + seed + ", " + cases + " cases" + (only.isBlank() ? "" : ", only " + only), rows,
                Path.of("target", "fault-matrix.md"));
        if (only.isBlank()) {
            assertThat(rows.stream().mapToInt(MatrixRow::faults).sum()).as("faults injected").isGreaterThanOrEqualTo(200);
        }
        assertPassed(rows);
    }

    private static void report(String title, List<MatrixRow> rows, Path file) {
        String text = "## " + title + "\n\n" + MatrixTable.totals(rows) + "\n" + MatrixTable.cases(rows);
        System.out.println(text);
        rows.stream().filter(r -> !r.passed()).forEach(r -> System.out.println("case " + r.c().id() + " "
                + r.c() + ":\n" + r.story()));
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void assertPassed(List<MatrixRow> rows) {
        List<String> failed = rows.stream().filter(r -> !r.passed())
                .map(r -> "case " + r.c().id() + " (" + r.c().queueType() + ", " + r.c().mode() + ", "
                        + r.c().describe() + "): " + r.problems() + "\n" + r.story()).toList();
        assertThat(failed).as("failed cases").isEmpty();
    }
}
