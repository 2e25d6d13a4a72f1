package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every example an operator may paste — the Examples of every --help, and every line of README's sh blocks
 * that runs redrive — parses with the real command line (parse only: nothing runs). And --help, at its
 * width of 80 columns, never breaks a line inside a token (a URL, attr:NAME=VALUE) nor between an option and
 * its value.
 */
class HelpExamplesTest {

    @Test
    void everyHelpExampleParses() {
        Map<String, String> helps = helps();
        List<String> failures = new ArrayList<>();
        helps.forEach((command, help) -> {
            for (String line : examples(help)) {
                List<List<String>> commands = ShellWords.redriveCommands(line);
                if (commands.isEmpty()) {
                    failures.add(command + " --help: an example line with no redrive command (wrapped?): " + line);
                }
                commands.forEach(args -> parse(args).ifPresent(e -> failures.add(command + " --help: " + line + "\n    " + e)));
            }
        });
        assertThat(failures).as("examples that cannot be pasted").isEmpty();
    }

    @Test
    void everyReadmeShellLineThatRunsRedriveParses() throws IOException {
        List<String> failures = new ArrayList<>();
        assertThat(shellLinesParse(Path.of("README.md"), failures)).as("README's redrive commands").isGreaterThan(20);
        assertThat(failures).as("README lines that cannot be pasted").isEmpty();
    }

    @Test
    void everyDocsShellLineThatRunsRedriveParses() throws IOException {
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (Path page : ReadmeTest.docs()) {
            count += shellLinesParse(page, failures);
        }
        assertThat(count).as("the redrive commands of docs/").isGreaterThan(20);
        assertThat(failures).as("docs/ lines that cannot be pasted").isEmpty();
    }

    /** Parses every redrive command in the sh blocks of {@code page}, adding each failure; returns how many. */
    private static int shellLinesParse(Path page, List<String> failures) throws IOException {
        boolean inSh = false;
        int count = 0;
        for (String line : Files.readString(page, StandardCharsets.UTF_8).split("\n")) {
            String fence = line.strip();
            if (fence.startsWith("```")) {
                inSh = !inSh && fence.equals("```sh");
                continue;
            }
            if (!inSh) {
                continue;
            }
            for (List<String> args : ShellWords.redriveCommands(line)) {
                count++;
                parse(args).ifPresent(e -> failures.add(page + ": " + line.strip() + "\n    " + e));
            }
        }
        return count;
    }

    @Test
    void helpNeverBreaksALineInsideATokenOrBetweenAnOptionAndItsValue() {
        Set<String> tokens = sourceTokens();
        List<String> breaks = new ArrayList<>();
        helps().forEach((command, help) -> {
            String[] lines = help.split("\n");
            for (int i = 0; i + 1 < lines.length; i++) {
                String[] left = lines[i].strip().split("\\s+");
                String[] right = lines[i + 1].strip().split("\\s+");
                String last = left[left.length - 1];
                String first = right[0];
                if (last.isEmpty() || first.isEmpty()) {
                    continue;
                }
                boolean insideToken = !lines[i].endsWith(" ") && tokens.stream().anyMatch(t -> t.contains(last + first));
                boolean optionAndValue = last.matches("-{1,2}[a-z][a-z-]*") && first.matches("[0-9'\"$].*");
                if (insideToken || optionAndValue) {
                    breaks.add(command + " --help:\n    " + lines[i] + "\n    " + lines[i + 1]);
                }
            }
        });
        assertThat(breaks).as("help lines broken inside a token").isEmpty();
    }

    @Test
    void theManPageNamesTheToolInOneWholeSentence() {
        String description = Cli.create(context(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getCommandSpec().usageMessage().description()[0];
        assertThat(description).as("the man page's NAME line").endsWith(".").hasSizeLessThan(70);
    }

    /** The whitespace-separated words of every text the help is made of, before picocli wraps them. */
    private static Set<String> sourceTokens() {
        Set<String> tokens = new TreeSet<>();
        List<CommandSpec> specs = new ArrayList<>();
        CommandLine root = cli();
        specs.add(root.getCommandSpec());
        root.getSubcommands().values().forEach(c -> specs.add(c.getCommandSpec()));
        for (CommandSpec spec : specs) {
            List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
            texts.addAll(Arrays.asList(spec.usageMessage().footer()));
            texts.addAll(spec.usageMessage().exitCodeList().values());
            spec.options().forEach(o -> texts.addAll(Arrays.asList(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(Arrays.asList(p.description())));
            texts.forEach(t -> tokens.addAll(Arrays.asList(t.strip().split("\\s+"))));
        }
        return tokens;
    }

    /** The lines after "Examples:" up to the first blank line. */
    private static List<String> examples(String help) {
        List<String> lines = Arrays.asList(help.split("\n"));
        int from = lines.indexOf("Examples:");
        assertThat(from).as("an Examples section in:\n" + help).isNotNegative();
        List<String> examples = new ArrayList<>();
        for (String line : lines.subList(from + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            examples.add(line);
        }
        return examples;
    }

    /** The help of the root and of every visible command, as --help prints it. */
    private static Map<String, String> helps() {
        Map<String, String> helps = new LinkedHashMap<>();
        CommandLine root = cli();
        helps.put("redrive", root.getUsageMessage(CommandLine.Help.Ansi.OFF));
        root.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !sub.getCommandSpec().helpCommand()) {
                helps.put("redrive " + name, sub.getUsageMessage(CommandLine.Help.Ansi.OFF));
            }
        });
        assertThat(helps).containsKeys("redrive start", "redrive list", "redrive cancel", "redrive watch");
        return helps;
    }

    /** The parse error of `redrive args…`, if any. */
    private static java.util.Optional<String> parse(List<String> args) {
        try {
            cli().parseArgs(args.toArray(String[]::new));
            return java.util.Optional.empty();
        } catch (CommandLine.ParameterException e) {
            return java.util.Optional.of(args + ": " + e.getMessage());
        }
    }

    private static CommandLine cli() {
        return Cli.create(context(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static Context context() {
        return new Context(Map.of(), Clock.systemUTC(),
                Ticker.system(), Sleeper.real(), false, new BufferedReader(new StringReader("")));
    }
}
