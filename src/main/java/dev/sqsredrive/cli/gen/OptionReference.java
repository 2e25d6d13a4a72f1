package dev.sqsredrive.cli.gen;

import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.cli.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * docs/REFERENCE.md, written from the command model so it says what --help says: per command its synopsis,
 * description, parameters and options (value, default, description) and examples; the global options once;
 * the exit codes from {@link ExitCode}. Markdown, to be read on the repository's web page.
 */
public final class OptionReference {

    /** Where the reference lives in the repository. */
    public static final String FILE = "docs/REFERENCE.md";

    private final StringBuilder out = new StringBuilder();

    private OptionReference() {
    }

    public static String of(CommandLine root) {
        return new OptionReference().render(root);
    }

    /** The commands the reference has a section for: those --help lists (not hidden ones), in its order. */
    public static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> visible = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !visible.contains(sub)) {
                visible.add(sub);
            }
        }
        return visible;
    }

    private String render(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        String name = spec.name();
        out.append("<!-- Generated from the command model by cli/gen/OptionReference.java: do not edit. Refresh with\n")
                .append("     ./mvnw -q compile exec:java@completions (a test fails while this file is stale). -->\n\n");
        out.append("# ").append(name).append(" command reference\n\n");
        out.append("Every command, option and exit code of `").append(name).append("`, as `").append(name)
                .append(" COMMAND --help` prints them.\n\n");
        for (CommandLine sub : commands(root)) {
            String qualified = sub.getCommandSpec().qualifiedName();
            out.append("- [").append(qualified).append("](#").append(anchor(qualified)).append("): ")
                    .append(FishCompletion.summary(sub.getCommandSpec())[0].strip()).append('\n');
        }
        out.append("- [Global options](#global-options)\n- [Exit codes](#exit-codes)\n\n");

        out.append("## ").append(name).append("\n\n");
        synopsis(root);
        out.append(paragraphs(spec.usageMessage().description())).append('\n');
        options(spec, false);
        Footer footer = Footer.of(spec);
        examples(footer);
        if (!footer.environment().isEmpty()) {
            out.append("Environment: ").append(footer.environment()).append("\n\n");
        }

        out.append("## Global options\n\n")
                .append("Every command takes these, before or after the command name.\n\n");
        options(spec, true);

        for (CommandLine sub : commands(root)) {
            command(sub);
        }

        out.append("## Exit codes\n\nThe same for every command; scripts can branch on them.\n\n");
        out.append("| Code | Name | Meaning |\n|---:|---|---|\n");
        for (ExitCode code : ExitCode.values()) {
            out.append("| ").append(code.code()).append(" | `").append(code.name()).append("` | ")
                    .append(cell(code.meaning())).append(" |\n");
        }
        return out.toString();
    }

    private void command(CommandLine sub) {
        CommandSpec spec = sub.getCommandSpec();
        out.append("## ").append(spec.qualifiedName()).append("\n\n");
        synopsis(sub);
        out.append(paragraphs(spec.usageMessage().description())).append('\n');
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            out.append("| Parameter | Takes | Default | Description |\n|---|---|---|---|\n");
            for (PositionalParamSpec p : positionals) {
                row("`" + cell(p.paramLabel()) + "`", p, spec);
            }
            out.append('\n');
        }
        options(spec, false);
        for (CommandLine.Model.ArgGroupSpec group : spec.argGroups()) {
            String how = group.exclusive() ? (group.multiplicity().min() > 0 ? "exactly one of" : "at most one of")
                    : (group.multiplicity().min() > 0 ? "all of" : "all or none of");
            out.append("Give ").append(how).append(" `").append(group.synopsis()).append("`.\n\n");
        }
        examples(Footer.of(spec));
        out.append("Exit codes: see [Exit codes](#exit-codes).\n\n");
    }

    /** The options declared on this command (global: the inherited ones of the root instead). */
    private void options(CommandSpec spec, boolean global) {
        List<OptionSpec> shown = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            boolean inheritable = option.scopeType() == ScopeType.INHERIT || option.inherited();
            if (!option.hidden() && inheritable == global) {
                shown.add(option);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        out.append("| Option | Takes | Default | Description |\n|---|---|---|---|\n");
        for (OptionSpec option : shown) {
            row("`" + String.join("`, `", option.names()) + "`", option, spec);
        }
        out.append('\n');
    }

    private void row(String names, ArgSpec arg, CommandSpec spec) {
        String fallback = ArgFacts.defaultOf(arg, spec);
        out.append("| ").append(names).append(" | ").append(cell(ArgFacts.takes(arg, spec))).append(" | ")
                .append(fallback.isEmpty() ? "" : "`" + cell(fallback) + "`").append(" | ")
                .append(cell(text(arg.description()))).append(" |\n");
    }

    private void synopsis(CommandLine command) {
        out.append("```text\n").append(command.getHelp().synopsis(0).stripTrailing()).append("\n```\n\n");
    }

    /** Example lines as a block to paste into a shell: each is a command, with any comment after '#'. */
    private void examples(Footer footer) {
        if (footer.examples().isEmpty()) {
            return;
        }
        out.append("Examples:\n\n```sh\n");
        for (String line : footer.examples()) {
            out.append(line.stripTrailing()).append('\n');
        }
        out.append("```\n\n");
    }

    /** Description lines as Markdown: lines run on, an empty line starts a new paragraph. */
    private static String paragraphs(String[] lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String l = line.replace("%n", "").strip();
            text.append(l).append('\n');
        }
        return text.toString();
    }

    private static String text(String[] lines) {
        return String.join(" ", lines).replace("%n", " ").replaceAll("\\s+", " ").strip();
    }

    /** Text inside a table cell: a '|' would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation dropped. */
    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
