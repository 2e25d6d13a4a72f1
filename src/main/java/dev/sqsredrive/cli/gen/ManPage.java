package dev.sqsredrive.cli.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page (roff, section 1) written from the command model, so it says what --help says: every command
 * with its synopsis, description, parameters, options and examples, the global options once, the exit codes.
 */
public final class ManPage {

    private final StringBuilder out = new StringBuilder();

    private ManPage() {
    }

    public static String of(CommandLine root, String version) {
        return new ManPage().render(root, version);
    }

    private String render(CommandLine root, String version) {
        CommandSpec spec = root.getCommandSpec();
        String name = spec.name();
        String[] description = spec.usageMessage().description();
        out.append(".\\\" Generated from the command model of ").append(name).append(" ").append(version)
                .append(": do not edit.\n");
        out.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"").append(escape(name + " " + version))
                .append("\" \"User Commands\"\n");
        section("NAME");
        out.append(escape(name)).append(" \\- ").append(escape(description[0])).append('\n');
        section("SYNOPSIS");
        out.append(".B ").append(escape(name)).append("\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
        section("DESCRIPTION");
        paragraphs(description);
        section("COMMANDS");
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (s.usageMessage().hidden() || s.helpCommand()) {
                continue;
            }
            command(s);
        }
        section("GLOBAL OPTIONS");
        out.append("These go before or after the command name.\n");
        for (OptionSpec option : spec.options()) {
            option(option);
        }
        section("EXIT STATUS");
        for (Map.Entry<String, String> code : spec.usageMessage().exitCodeList().entrySet()) {
            out.append(".TP\n.B ").append(escape(code.getKey().strip())).append('\n')
                    .append(escape(code.getValue())).append('\n');
        }
        Footer footer = Footer.of(spec);
        if (!footer.environment().isEmpty()) {
            section("ENVIRONMENT");
            paragraphs(new String[] {footer.environment()});
        }
        section("EXAMPLES");
        literal(footer.examples().toArray(String[]::new));
        return out.toString();
    }

    private void command(CommandSpec s) {
        out.append(".SS \"").append(escape(s.qualifiedName())).append(' ').append(escape(synopsisArgs(s))).append("\"\n");
        paragraphs(s.usageMessage().description());
        for (PositionalParamSpec p : s.positionalParameters()) {
            if (!p.hidden()) {
                out.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n").append(escape(join(p.description())))
                        .append('\n');
            }
        }
        for (OptionSpec option : s.options()) {
            if (!option.inherited()) {
                option(option);
            }
        }
        if (s.usageMessage().footer().length > 0) {
            out.append(".PP\nExamples:\n");
            literal(s.usageMessage().footer());
        }
    }

    private static String synopsisArgs(CommandSpec s) {
        List<String> parts = new ArrayList<>(List.of("[OPTIONS]"));
        for (PositionalParamSpec p : s.positionalParameters()) {
            if (!p.hidden() && p.group() == null) {
                parts.add(p.arity().min() == 0 ? "[" + p.paramLabel() + "]" : p.paramLabel());
            }
        }
        s.argGroups().forEach(g -> parts.add(g.synopsis()));
        return String.join(" ", parts);
    }

    private void option(OptionSpec option) {
        if (option.hidden()) {
            return;
        }
        out.append(".TP\n");
        List<String> names = new ArrayList<>();
        for (String n : option.names()) {
            names.add("\\fB" + escape(n) + "\\fR");
        }
        out.append(String.join(", ", names));
        if (option.arity().max() > 0) {
            out.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
        }
        out.append('\n').append(escape(join(option.description()))).append('\n');
    }

    private void section(String title) {
        out.append(".SH ").append(title.contains(" ") ? "\"" + title + "\"" : title).append('\n');
    }

    private void paragraphs(String[] lines) {
        out.append(".PP\n");
        for (String line : lines) {
            String text = line.replace("%n", "").strip();
            out.append(text.isEmpty() ? ".PP" : escape(text)).append('\n');
        }
    }

    private void literal(String[] lines) {
        out.append(".PP\n.nf\n.RS 4\n");
        for (String line : lines) {
            out.append(escape(line.stripLeading())).append('\n');
        }
        out.append(".RE\n.fi\n");
    }

    private static String join(String[] description) {
        return String.join(" ", description).strip();
    }

    /** Roff text: backslashes and hyphens escaped, no line taken for a request. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }
}
