package dev.sqsredrive.cli.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Processes;
import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man page made from the command model renders with man(1) and says what --help says. */
class ManPageTest {

    @TempDir
    Path dir;

    @Test
    void manRendersEveryCommandOptionAndExitCode() throws IOException {
        assumeTrue(Processes.onPath("man"), "man is not installed");
        Generate.main(new String[] {"man", dir.toString(), "9.9.9"});
        Path page = dir.resolve("redrive.1");

        RunResult run = Processes.run(dir, Map.of("MANWIDTH", "200", "MAN_KEEP_FORMATTING", ""),
                List.of("man", "-l", "-P", "cat", page.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        String text = run.out().replaceAll(".\b", ""); // no overstrike, whatever the pager settings
        assertThat(text).contains("REDRIVE(1)", "redrive 9.9.9", "NAME", "SYNOPSIS", "EXIT STATUS", "ENVIRONMENT")
                .contains("redrive start [OPTIONS] [SOURCE]", "redrive list [OPTIONS] [SOURCE]", "redrive watch",
                        "redrive cancel [OPTIONS] (HANDLE | --source=SOURCE)", "redrive completion [OPTIONS] SHELL")
                .contains("--to DEST", "--rate N", "--endpoint-url URL", "-o, --output FORMAT")
                .contains("Result format: text, json (default: text).")
                .contains("130", "Interrupted (Ctrl-C)", "143")
                .as("the NAME line, whole").contains("redrive - Move messages out of Amazon SQS dead-letter queues.\n")
                .doesNotContain("__complete", "${");
    }

    @Test
    void escapesWhatRoffWouldTakeForRequests() {
        assertThat(ManPage.escape(".hidden")).isEqualTo("\\&.hidden");
        assertThat(ManPage.escape("'quoted")).isEqualTo("\\&'quoted");
        assertThat(ManPage.escape("a\\b --to")).isEqualTo("a\\eb \\-\\-to");
    }
}
