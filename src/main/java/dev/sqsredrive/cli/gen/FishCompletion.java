package dev.sqsredrive.cli.gen;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The fish completion script, written from the same command model as picocli's bash script (picocli has no
 * fish generator): one {@code complete} line per command, option and positional parameter.
 */
final class FishCompletion {

    /** A full stop that ends a sentence, not the one in "e.g. http://...". */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("\\.\\s+(?=[A-Z])");

    private static final String QUEUE_FUNCTION = """
            # Queue names of the current profile and region, from the same redrive that is being completed, with
            # the --profile, --region and --endpoint-url typed on this line. Errors print nothing.
            function __%1$s_queues
                set -l words (commandline -opc)
                set -l args
                for i in (seq 2 (count $words))
                    switch $words[$i]
                        case --profile --region --endpoint-url
                            if test $i -lt (count $words)
                                set -a args $words[$i]=$words[(math $i + 1)]
                            end
                        case '--profile=*' '--region=*' '--endpoint-url=*'
                            set -a args $words[$i]
                    end
                end
                $words[1] __complete queues $args -- (commandline -ct) 2>/dev/null
            end

            """;

    private FishCompletion() {
    }

    static String script(String header, CommandLine root) {
        String name = root.getCommandName();
        StringBuilder out = new StringBuilder(header);
        out.append(QUEUE_FUNCTION.formatted(name));
        out.append("# No file names: no argument of ").append(name).append(" is a file.\n");
        out.append("complete -c ").append(name).append(" -f\n\n");
        String atRoot = "__fish_use_subcommand";
        for (OptionSpec option : root.getCommandSpec().options()) {
            line(out, name, atRoot, option);
        }
        List<CommandLine> subs = visible(root);
        for (CommandLine sub : subs) {
            out.append("complete -c ").append(name).append(" -n ").append(atRoot).append(" -a ").append(sub.getCommandName())
                    .append(describe(summary(sub.getCommandSpec()))).append('\n');
        }
        for (CommandLine sub : subs) {
            CommandSpec spec = sub.getCommandSpec();
            String inSub = "'__fish_seen_subcommand_from " + sub.getCommandName() + "'";
            out.append("\n# ").append(name).append(' ').append(sub.getCommandName()).append('\n');
            for (OptionSpec option : spec.options()) {
                line(out, name, inSub, option);
            }
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                List<String> words = values(name, positional);
                if (spec.helpCommand()) {
                    words = new ArrayList<>();
                    for (CommandLine other : subs) {
                        words.add(other.getCommandName());
                    }
                }
                if (!positional.hidden() && !words.isEmpty()) {
                    out.append("complete -c ").append(name).append(" -n ").append(inSub).append(" -a ")
                            .append(quote(String.join(" ", words))).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static List<CommandLine> visible(CommandLine root) {
        List<CommandLine> subs = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub);
            }
        }
        return subs;
    }

    private static void line(StringBuilder out, String name, String condition, OptionSpec option) {
        if (option.hidden()) {
            return;
        }
        out.append("complete -c ").append(name).append(" -n ").append(condition);
        for (String n : option.names()) {
            out.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
        }
        if (option.arity().max() > 0) {
            out.append(" -x");
            List<String> words = values(name, option);
            if (!words.isEmpty()) {
                out.append(" -a ").append(quote(String.join(" ", words)));
            }
        }
        out.append(describe(option.description())).append('\n');
    }

    /** What a parameter can complete to: queue names, its fixed candidates, or nothing. */
    private static List<String> values(String name, ArgSpec arg) {
        if (QueueArgs.takesQueue(arg)) {
            return List.of("(__" + name + "_queues)");
        }
        List<String> words = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(words::add);
        }
        return words;
    }

    /** A command's one-line summary: its header where it has one (as picocli's help command does). */
    static String[] summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header.length > 0 ? header : spec.usageMessage().description();
    }

    /** The first sentence of a description, as fish shows it beside a candidate. */
    private static String describe(String[] description) {
        if (description.length == 0 || description[0].isBlank()) {
            return "";
        }
        String first = description[0].replace("%n", "").strip();
        first = SENTENCE_END.split(first, 2)[0].replaceAll("\\.$", "");
        return " -d " + quote(first);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
