package dev.sqsredrive.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the shell to read a documented example line as a person pasting it would run it: quotes,
 * comments, {@code && || ; |}, redirections, {@code $(…)} and {@code <(…)} (whose commands count too),
 * and leading VAR=value assignments. Variables stay as written; nothing is expanded or run.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** The arguments after `redrive` of every redrive command on the line. */
    static List<List<String>> redriveCommands(String line) {
        List<List<String>> found = new ArrayList<>();
        for (List<String> command : commands(line, found)) {
            int i = 0;
            while (i < command.size() && command.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            }
            if (i < command.size() && command.get(i).equals("redrive")) {
                found.add(command.subList(i + 1, command.size()));
            }
        }
        return found;
    }

    /** The commands of {@code s}; those inside $(…) and <(…) are passed to {@code nested} as found. */
    private static List<List<String>> commands(String s, List<List<String>> nested) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean redirect = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed quote in: " + s);
                }
                word = word == null ? new StringBuilder() : word;
                word.append(s, i + 1, end);
                i = end + 1;
            } else if ((c == '$' || c == '<') && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                int end = closing(s, i + 1);
                nested.addAll(redriveCommands(s.substring(i + 2, end)));
                word = word == null ? new StringBuilder() : word;
                word.append("X");
                i = end + 1;
            } else if (Character.isWhitespace(c) || c == '&' || c == '|' || c == ';' || c == '>' || c == '<') {
                if (word != null) {
                    if (!redirect) {
                        words.add(word.toString());
                    }
                    redirect = false;
                    word = null;
                }
                if (c == '>' || c == '<') {
                    redirect = true;
                } else if (c == '&' || c == '|' || c == ';') {
                    commands.add(words);
                    words = new ArrayList<>();
                }
                i++;
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
                i++;
            }
        }
        if (word != null && !redirect) {
            words.add(word.toString());
        }
        commands.add(words);
        commands.removeIf(List::isEmpty);
        return commands;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed ( in: " + s);
    }
}
