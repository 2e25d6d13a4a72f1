package dev.sqsredrive.cli;

import java.util.concurrent.Callable;

import dev.sqsredrive.cli.gen.CompletionScripts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the completion script for a shell.",
                "Queue arguments complete with the queues of the current profile and region."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(redrive completion bash)            # in ~/.bashrc",
                "  source <(redrive completion zsh)             # in ~/.zshrc",
                "  redrive completion fish > ~/.config/fish/completions/redrive.fish"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
    CompletionScripts.Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        // The script as it is, without a line end added: what `completion` prints is byte for byte the
        // file shipped in completions/.
        spec.commandLine().getOut().print(CompletionScripts.script(shell, root));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
