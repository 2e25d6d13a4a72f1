package dev.sqsredrive.cli;

import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.Style;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "redrive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {StartCommand.class, InspectCommand.class, ListCommand.class, CancelCommand.class,
                WatchCommand.class, HistoryCommand.class, CommandLine.HelpCommand.class, CompletionCommand.class,
                CompleteCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        description = {
                "Move messages out of Amazon SQS dead-letter queues.",
                "It uses SQS's own move tasks where they can serve, and a client-side mover that never loses a"
                        + " message where they cannot.",
                "",
                "A queue is given by name (looked up in the current region), URL or ARN."},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
                "  redrive list                          # the DLQs of the region and their tasks",
                "  redrive start orders-dlq --watch      # back to each message's origin",
                "  redrive start orders-dlq --to orders --rate 50 -o json",
                "  redrive watch \"$HANDLE\" --timeout 30m # exit code says how the task ended",
                "",
                "Environment: AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL_SQS,",
                "AWS_ENDPOINT_URL, NO_COLOR, REDRIVE_STATE_DIR (where started tasks and the",
                "audit log are kept)."})
public final class RedriveCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    GlobalOptions globals;

    @Spec
    CommandSpec spec;

    private final Context context;

    RedriveCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // No command given: the usage on stderr, as a usage error, so that scripts notice.
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    /** What the run gets from the world around it (stdin for --ids-from -). */
    Context context() {
        return context;
    }

    /** Opens the session a subcommand runs in. */
    Session session(CommandSpec subcommand) {
        boolean colour = context.terminal();
        Style style = Style.detect(colour, globals.noColor(), context.env());
        Output output = new Output(subcommand.commandLine().getOut(), subcommand.commandLine().getErr(),
                globals.json(), globals.verbose(), style);
        return new Session(context, globals, output);
    }

    static GlobalOptions globalsOf(CommandLine anyCommand) {
        CommandLine c = anyCommand;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        return ((RedriveCommand) c.getCommand()).globals;
    }
}
