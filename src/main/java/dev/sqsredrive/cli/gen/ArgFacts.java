package dev.sqsredrive.cli.gen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the option reference says of one option or parameter besides its description: the value it takes
 * (kind, how many, whether required) and its default, both read from the command model.
 */
final class ArgFacts {

    private ArgFacts() {
    }

    /** e.g. "`N`: number", "`EXPR`: text, repeatable", "flag", "`SHELL`: one of bash, zsh, fish; required". */
    static String takes(ArgSpec arg, CommandSpec command) {
        if (arg.isOption() && arg.arity().max() == 0) {
            return "flag";
        }
        List<String> facts = new ArrayList<>(List.of(kind(arg, command)));
        if (arg.isMultiValue()) {
            facts.add("repeatable");
        }
        String text = "`" + arg.paramLabel() + "`: " + String.join(", ", facts);
        if (arg.group() != null) {
            text += "; in the group " + arg.group().synopsis();
        } else if (arg.required()) {
            text += "; required";
        } else if (arg.isPositional()) {
            text += "; optional";
        }
        return text;
    }

    /** The default as typed on the command line, or "" where there is none to show (unset, false, empty). */
    static String defaultOf(ArgSpec arg, CommandSpec command) {
        if (arg.defaultValue() != null) {
            return arg.defaultValue();
        }
        Object initial = arg.initialValue();
        if (initial == null || Boolean.FALSE.equals(initial)
                || initial instanceof Collection<?> c && c.isEmpty()) {
            return "";
        }
        return initial instanceof Enum<?> e ? enumWord(e.name(), command) : String.valueOf(initial);
    }

    private static String kind(ArgSpec arg, CommandSpec command) {
        Class<?> type = arg.isMultiValue() && arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (type.isEnum() && arg.completionCandidates() != null) {
            List<String> words = new ArrayList<>();
            arg.completionCandidates().forEach(w -> words.add(enumWord(w, command)));
            return "one of " + String.join(", ", words);
        }
        if (type == Duration.class) {
            return "duration";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        if (type == Double.class || type == double.class) {
            return "number";
        }
        return type == String.class ? "text" : type.getSimpleName();
    }

    /** Enum constants as users type them: lower case where the parser takes any case (Cli allows it). */
    private static String enumWord(String name, CommandSpec command) {
        return command.parser().caseInsensitiveEnumValuesAllowed() ? name.toLowerCase(Locale.ROOT) : name;
    }
}
