package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines through the real CommandLine: one line, one "redrive:" prefix, only close suggestions. */
class UsageMessagesTest {

    @TempDir
    Path state;

    private RunResult run(String... args) {
        return Redrive.run(Redrive.baseEnv(state), args);
    }

    @Test
    void aMissingArgumentHasOnePrefixNotTwo() {
        RunResult r = run("cancel");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).containsExactly("redrive: Missing required argument (specify one of these):"
                + " (HANDLE | --source=SOURCE); try 'redrive cancel --help'");
    }

    @Test
    void anUnknownCommandFarFromAnyListsTheCommandsInsteadOfGuessing() {
        RunResult r = run("frobnicate");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("redrive: Unmatched argument at index 0: 'frobnicate'")
                .contains("(commands: start, inspect, list, cancel, watch, history, help, completion)").doesNotContain("did you mean")
                .doesNotContain("__complete");
    }

    @Test
    void anUnknownCommandCloseToOneSuggestsIt() {
        RunResult r = run("stat", "orders-dlq");

        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains("(did you mean start?)");
    }

    @Test
    void aMistypedOptionSuggestsOnlyTheCloseOnes() {
        RunResult r = run("start", "orders-dlq", "--rat", "5");

        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains("did you mean --rate?");
    }

    @Test
    void aQueueNameOrOptionWithTerminalEscapesIsEchoedEscaped() {
        RunResult name = run("start", "\u001b[31mRED\u001b[0m");
        RunResult option = run("start", "orders-dlq", "--bogus\u001b[2J");

        assertThat(name.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(name.err()).doesNotContain("\u001b").contains("'\\x1b[31mRED\\x1b[0m'");
        assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(option.err()).doesNotContain("\u001b").contains("--bogus\\x1b[2J");
    }

    @Test
    void anUnknownHelpTopicIsOneCleanLine() {
        RunResult r = run("help", "frob");

        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).doesNotContain(".;");
    }
}
