package dev.sqsredrive.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad command lines: one line on stderr, as for any other bad input: the problem, the closest options
 * when an option was mistyped, and where to read more; never the whole usage text. A script's log then
 * holds one line per failed command, whatever the failure.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    /** Enough to show the option meant, not a list of every option that shares a letter. */
    private static final int SUGGESTIONS = 3;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String line = ControlChars.escaped(problem(ex) + suggestions(ex));
        err.println(cmd.getColorScheme().errorText("redrive: " + line + "; try '"
                + cmd.getCommandSpec().qualifiedName() + " --help'").toString());
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** picocli's message on one line, without its own "Error: " (ours is "redrive: ") or a closing full stop. */
    private static String problem(ParameterException ex) {
        String p = ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        if (p.startsWith("Error: ")) {
            p = p.substring("Error: ".length());
        }
        return p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
    }

    /**
     * Only suggestions close to what was typed ("--rat": --rate); a word close to no command lists the
     * commands instead ("frobnicate" was answered "did you mean watch or cancel?").
     */
    private static String suggestions(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = unmatched.getUnmatched().get(0);
        List<String> close = unmatched.getSuggestions().stream().filter(s -> close(typed, s)).limit(SUGGESTIONS)
                .toList();
        if (!close.isEmpty()) {
            return " (did you mean " + String.join(" or ", close) + "?)";
        }
        CommandLine cmd = ex.getCommandLine();
        if (typed.startsWith("-") || cmd.getSubcommands().isEmpty()) {
            return "";
        }
        List<String> commands = cmd.getSubcommands().entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue().getCommandName()))
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(e -> e.getKey()).toList();
        return " (commands: " + String.join(", ", commands) + ")";
    }

    /** At most a third of the word's letters changed (at least one): a typo, not another word. */
    static boolean close(String typed, String suggestion) {
        String a = typed.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
        String b = suggestion.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
        return b.startsWith(a) && !a.isEmpty() || distance(a, b) <= Math.max(1, Math.max(a.length(), b.length()) / 3);
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
