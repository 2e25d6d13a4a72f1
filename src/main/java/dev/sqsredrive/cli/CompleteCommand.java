package dev.sqsredrive.cli;

import java.util.concurrent.Callable;

import dev.sqsredrive.aws.QueueNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the completion scripts call to complete a queue argument: {@code redrive __complete queues [PREFIX]}
 * prints the matching queue names of the current profile/region, one a line. A shell runs it on every TAB,
 * so it never prints an error and always exits 0: no credentials, no network or a typo must not garble the
 * line the person is typing.
 */
@Command(name = CompleteCommand.NAME, hidden = true,
        description = "For completion scripts: print the queue names starting with PREFIX.")
final class CompleteCommand implements Callable<Integer> {

    static final String NAME = "__complete";

    /** What can be completed. */
    enum Kind { queues }

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "What to complete: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PREFIX", description = "What has been typed so far.")
    String prefix = "";

    @Override
    public Integer call() {
        try (Session session = root.session(spec)) {
            QueueNames.startingWith(session.clients().defaultClient(), prefix).forEach(session.out()::result);
        } catch (RuntimeException | Error quiet) {
            // Nothing to offer is the only sensible answer while a person is typing; --debug still tells why.
            if (RedriveCommand.globalsOf(spec.commandLine()).debug()) {
                quiet.printStackTrace(spec.commandLine().getErr());
            }
        }
        return ExitCode.OK.code();
    }

    /** Makes a bad command line for this command exit 0 silently, and leaves every other command's handling as it was. */
    static void silenceParseErrors(CommandLine root) {
        IParameterExceptionHandler others = root.getParameterExceptionHandler();
        root.setParameterExceptionHandler((ex, args) -> NAME.equals(ex.getCommandLine().getCommandName())
                ? ExitCode.OK.code() : others.handleParseException(ex, args));
    }
}
