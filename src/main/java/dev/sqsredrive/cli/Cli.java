package dev.sqsredrive.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;

/** Builds the configured CommandLine: handlers, streams, exit-code help. The one place this is wired. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(Context context, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new RedriveCommand(context));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(new ExecutionErrorHandler());
        cmd.setParameterExceptionHandler(new UsageErrorHandler());
        CompleteCommand.silenceParseErrors(cmd);
        WholeNumbers.register(cmd);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setAbbreviatedOptionsAllowed(false);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(context.terminal() && !noColor(context)
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        Map<String, String> exitCodes = exitCodeHelp();
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        }
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        return cmd;
    }

    private static boolean noColor(Context context) {
        String v = context.env().get("NO_COLOR");
        return v != null && !v.isEmpty();
    }

    static Map<String, String> exitCodeHelp() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(String.format("%3d", c.code()), c.meaning());
        }
        return codes;
    }
}
