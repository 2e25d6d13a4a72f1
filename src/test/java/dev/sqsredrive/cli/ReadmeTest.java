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
import java.util.stream.Stream;

import dev.sqsredrive.cli.gen.Generate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * README.md against the command model: the exit codes it documents, an example of every command in README, and
 * an example of every option somewhere a reader finds it (README, or a page of docs/, the generated reference
 * included: its examples are those of --help). And every link of README and docs/ stays inside this clone.
 */
class ReadmeTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static String readme;
    private static List<String> readmeExamples;
    private static List<String> allExamples;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        readmeExamples = exampleLines(readme);
        allExamples = new ArrayList<>(readmeExamples);
        for (Path page : docs()) {
            allExamples.addAll(exampleLines(Files.readString(page, StandardCharsets.UTF_8)));
        }
    }

    private static List<String> exampleLines(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inBlock = false;
        for (String line : markdown.split("\n")) {
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
            } else if (inBlock && line.contains("redrive ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
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

    /** README is the guide a newcomer reads top to bottom (under 17 KB): its fine print belongs in docs/. */
    @Test
    void readmeStaysUnder17KB() throws IOException {
        assertThat(Files.size(Path.of("README.md"))).as("README.md's size in bytes").isLessThan(17_000);
    }

    /** It leads with the triage loop: the section comes before the commands' own. */
    @Test
    void readmeLeadsWithTheTriageLoop() {
        int triage = readme.indexOf("\n## Triage");
        assertThat(triage).as("a '## Triage' section").isPositive();
        assertThat(readme.substring(0, triage).split("\n## ", -1)).as("sections before it: install, try it")
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void readmeHasAnExampleOfEveryCommand() {
        List<String> missing = new ArrayList<>();
        Generate.model().getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()
                    && readmeExamples.stream().noneMatch(l -> l.contains("redrive " + name))) {
                missing.add("redrive " + name);
            }
        });
        assertThat(missing).as("commands with no example in README.md").isEmpty();
    }

    @Test
    void everyOptionHasAnExampleInReadmeOrDocs() {
        CommandLine root = Generate.model();
        List<String> missing = new ArrayList<>();
        root.getCommandSpec().options().stream().filter(o -> !o.hidden())
                .filter(o -> allExamples.stream().noneMatch(l -> uses(l, o)))
                .forEach(o -> missing.add("redrive " + o.longestName()));
        root.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            List<String> ofCommand = allExamples.stream().filter(l -> l.contains("redrive " + name)).toList();
            sub.getCommandSpec().options().stream()
                    // -h and -V of each command: the root's examples show them
                    .filter(o -> !o.hidden() && !o.inherited() && !o.usageHelp() && !o.versionHelp())
                    .filter(o -> ofCommand.stream().noneMatch(l -> uses(l, o)))
                    .forEach(o -> missing.add("redrive " + name + " " + o.longestName()));
        });
        assertThat(missing).as("options with an example neither in README.md nor in docs/").isEmpty();
    }

    /** A reader of the clone (or of the archive, which ships README and docs/) can follow every link. */
    @Test
    void everyLinkOfReadmeAndDocsLeadsToAFileInThisClone() throws IOException {
        Path root = Path.of("").toAbsolutePath().normalize();
        List<Path> pages = new ArrayList<>(docs());
        pages.add(Path.of("README.md"));
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*", "");
                if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                    continue;
                }
                links++;
                Path resolved = page.toAbsolutePath().getParent().resolve(target).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(page + ": " + link.group(1));
                }
            }
        }
        assertThat(links).as("links in README.md and docs/").isGreaterThan(10);
        assertThat(broken).as("links that leave the clone or lead nowhere").isEmpty();
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
