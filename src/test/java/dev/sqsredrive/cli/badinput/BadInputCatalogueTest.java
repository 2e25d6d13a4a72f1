package dev.sqsredrive.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue: each row a bad input, run through the real CommandLine against ElasticMQ (or a
 * loopback stub where ElasticMQ cannot produce the fault). For each: the documented exit code, one line on
 * stderr that names the problem, no stack trace, and every queue holding what it held before.
 */
class BadInputCatalogueTest {

    /** A stack frame, or an exception's class name opening a line, as printStackTrace prints them. */
    private static final Pattern STACK = Pattern.compile("(?m)^\\s+at \\S+\\(|^Caused by: |^[a-z]\\w*(\\.\\w+)+(Exception|Error)");
    /** Long enough for the slowest row (an endpoint that never answers: two read timeouts of 2 s). */
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path root;

    static List<BadInput> catalogue() {
        return Stream.of(CommandLineInputs.all(), WorldInputs.all(), FileInputs.all(), TriageInputs.all())
                .flatMap(List::stream).toList();
    }

    @Test
    void theCatalogueHoldsAtLeastFortyDistinctCases() {
        List<String> names = catalogue().stream().map(BadInput::name).toList();
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(40);
    }

    @TestFactory
    Stream<DynamicTest> eachBadInputIsOneLineItsExitCodeAndNothingMoved() {
        return catalogue().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(BadInput c) throws Exception {
        Path state = Files.createTempDirectory(root, "state");
        try (BadInputFixture f = new BadInputFixture(state)) {
            Supplier<RunResult> run = c.prepare().apply(f);
            Map<String, Long> before = f.depths();

            RunResult r = assertTimeoutPreemptively(BOUND, run::get);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(c.exit());
            assertThat(STACK.matcher(r.err()).find()).as("a stack trace; " + r).isFalse();
            List<String> lines = r.errLines();
            switch (c.kind()) {
                case REFUSED -> {
                    assertThat(lines).as(r.toString()).hasSize(1);
                    assertThat(lines.get(0)).startsWith("redrive: ").contains(c.word());
                    assertThat(f.depths()).as("queues after; " + r).isEqualTo(before);
                }
                case WARNED -> {
                    assertThat(lines.stream().filter(l -> l.contains(c.word()))).as(r.toString()).hasSize(1)
                            .allSatisfy(l -> assertThat(l).startsWith("warning: "));
                    assertThat(total(f.depths())).as("messages after, over every queue; " + r).isEqualTo(total(before));
                }
                case PROMPTED -> {
                    assertThat(r.err()).as(r.toString()).contains("Start it? [y/N]");
                    assertThat(lines.getLast()).contains(c.word());
                    assertThat(r.out()).isEmpty();
                    assertThat(f.depths()).as("queues after; " + r).isEqualTo(before);
                }
            }
        }
    }

    private static long total(Map<String, Long> depths) {
        return depths.values().stream().mapToLong(Long::longValue).sum();
    }
}
