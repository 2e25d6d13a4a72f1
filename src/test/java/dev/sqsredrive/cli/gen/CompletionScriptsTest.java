package dev.sqsredrive.cli.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committed completion scripts are exactly what the command model generates, and what `completion` prints. */
class CompletionScriptsTest {

    @ParameterizedTest
    @EnumSource(CompletionScripts.Shell.class)
    void committedScriptIsCurrent(CompletionScripts.Shell shell) throws IOException {
        Path file = Path.of("completions", shell.fileName("redrive"));
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
        String generated = CompletionScripts.script(shell, Generate.model());
        assertThat(committed.equals(generated))
                .as(file + " is stale (the commands changed since it was generated): refresh it with"
                        + " `./mvnw -q compile exec:java@completions` and commit the result")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(CompletionScripts.Shell.class)
    void completionCommandPrintsTheShippedScript(CompletionScripts.Shell shell) throws IOException {
        RunResult run = Redrive.run(Map.of(), "completion", shell.name());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(Path.of("completions", shell.fileName("redrive"))));
        assertThat(run.err()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void unknownShellIsAUsageError() {
        RunResult run = Redrive.run(Map.of(), "completion", "tcsh");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("tcsh").contains("bash, zsh, fish");
        assertThat(run.out()).isEmpty();
    }
}
