package dev.sqsredrive.cli.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sqsredrive.cli.ExitCode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/REFERENCE.md is exactly what the command model generates, and it leaves nothing out: every command,
 * option, parameter and exit code, found by walking the model on its own rather than through the generator.
 */
class OptionReferenceTest {

    private static final String REFRESH = "`./mvnw -q compile exec:java@completions`";

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

    @Test
    void committedReferenceIsCurrent() throws IOException {
        Path file = Path.of(OptionReference.FILE);
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
        String generated = OptionReference.of(Generate.model());
        assertThat(committed.equals(generated))
                .as(file + " is stale (the commands changed since it was generated): refresh it with " + REFRESH
                        + " and commit the result")
                .isTrue();
    }

    @Test
    void mentionsEveryCommandOptionParameterAndExitCode() {
        CommandLine root = Generate.model();
        String reference = OptionReference.of(root);
        String globals = section(reference, "Global options");
        for (OptionSpec option : root.getCommandSpec().options()) {
            String where = option.inherited() || option.scopeType() == CommandLine.ScopeType.INHERIT ? globals
                    : section(reference, root.getCommandName());
            assertNamed(where, option, root.getCommandName());
        }
        List<CommandLine> commands = visibleCommands(root);
        assertThat(commands).extracting(CommandLine::getCommandName)
                .contains("start", "list", "cancel", "watch", "completion");
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            String own = section(reference, name);
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertNamed(option.inherited() ? globals : own, option, name);
            }
            for (PositionalParamSpec positional : command.getCommandSpec().positionalParameters()) {
                if (!positional.hidden()) {
                    assertThat(own).as(name + " documents its parameter " + positional.paramLabel())
                            .contains("| `" + positional.paramLabel().replace("|", "\\|") + "` |");
                }
            }
        }
        String exitCodes = section(reference, "Exit codes");
        for (ExitCode code : ExitCode.values()) {
            assertThat(exitCodes).contains("| " + code.code() + " | `" + code.name() + "` | ");
        }
    }

    /** Each example line pastes into a shell as it is: anything said about it follows a '#'. */
    @Test
    void examplesArePasteable() {
        Matcher blocks = SH_BLOCK.matcher(OptionReference.of(Generate.model()));
        List<String> lines = new ArrayList<>();
        while (blocks.find()) {
            lines.addAll(blocks.group(1).lines().toList());
        }
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            String command = line.replaceAll("\\s+#.*$", "");
            assertThat(command).as("'" + line + "': a remark without '#' before it").doesNotContain("   ")
                    .contains("redrive ");
        }
    }

    private static void assertNamed(String text, OptionSpec option, String command) {
        if (option.hidden()) {
            return;
        }
        for (String name : option.names()) {
            assertThat(text).as(command + " documents " + name).contains("`" + name + "`");
        }
    }

    /** Every command users can see, nested ones included, whether or not the generator goes that deep. */
    private static List<CommandLine> visibleCommands(CommandLine parent) {
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine sub : parent.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !all.contains(sub)) {
                all.add(sub);
                all.addAll(visibleCommands(sub));
            }
        }
        return all;
    }

    /** The text under the heading "## TITLE", up to the next heading of that level. */
    private static String section(String reference, String title) {
        String heading = "\n## " + title + "\n";
        int start = reference.indexOf(heading);
        assertThat(start).as("a section " + heading.strip()).isNotNegative();
        int end = reference.indexOf("\n## ", start + heading.length());
        return reference.substring(start, end < 0 ? reference.length() : end);
    }
}
