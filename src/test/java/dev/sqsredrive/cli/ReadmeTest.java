package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sqsredrive.cli.gen.Generate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** README.md against the command model: the exit codes it documents, and an example of every command and option. */
class ReadmeTest {

    private static String readme;
    private static List<String> exampleLines;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        exampleLines = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (inBlock && line.contains("redrive ")) {
                exampleLines.add(line);
            }
        }
    }

    @Test
    void theExitCodeTableListsExactlyTheExitCodes() {
        String section = readme.substring(readme.indexOf("\n## Exit codes"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(section);
        List<Integer> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(Integer.parseInt(row.group(1)));
        }
        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(ExitCode.values()).map(ExitCode::code).toList());
    }

    @Test
    void everyCommandAndOptionHasAnExample() {
        CommandLine root = Generate.model();
        List<String> missing = new ArrayList<>();
        root.getCommandSpec().options().stream().filter(o -> !o.hidden())
                .filter(o -> exampleLines.stream().noneMatch(l -> uses(l, o)))
                .forEach(o -> missing.add("redrive " + o.longestName()));
        root.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            List<String> ofCommand = exampleLines.stream().filter(l -> l.contains("redrive " + name)).toList();
            if (ofCommand.isEmpty()) {
                missing.add("redrive " + name);
            }
            sub.getCommandSpec().options().stream()
                    // -h and -V of each command: the root's examples show them
                    .filter(o -> !o.hidden() && !o.inherited() && !o.usageHelp() && !o.versionHelp())
                    .filter(o -> ofCommand.stream().noneMatch(l -> uses(l, o)))
                    .forEach(o -> missing.add("redrive " + name + " " + o.longestName()));
        });
        assertThat(missing).as("commands and options with no example in README.md").isEmpty();
    }

    private static boolean uses(String line, OptionSpec option) {
        for (String token : line.split("\\s+")) {
            for (String name : option.names()) {
                if (token.equals(name) || token.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }
}
