package dev.sqsredrive.cli;

import java.io.PrintWriter;
import java.util.List;

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
        String problem = ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        err.println(cmd.getColorScheme().errorText("redrive: " + problem + suggestions(ex) + "; try '"
                + cmd.getCommandSpec().qualifiedName() + " --help'").toString());
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static String suggestions(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched)) {
            return "";
        }
        List<String> close = unmatched.getSuggestions();
        return close.isEmpty() ? "" : " (did you mean " + String.join(" or ",
                close.subList(0, Math.min(SUGGESTIONS, close.size()))) + "?)";
    }
}
