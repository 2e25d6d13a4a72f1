package dev.sqsredrive.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Follow a move task until it ends; the exit code says how it ended.",
                "Given a queue, follows its most recent task, native or client-side: the one 'redrive list QUEUE'"
                        + " shows first."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive watch orders-dlq",
                "  redrive watch \"$HANDLE\" --timeout 30m -o json   # one JSON object per change"})
final class WatchCommand implements Callable<Integer> {

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HANDLE|SOURCE", description = "A task handle (from start or list), or a DLQ name, URL or ARN.")
    String target;

    @Mixin
    WatchOptions watch;

    @Override
    public Integer call() throws Exception {
        try (Session session = root.session(spec)) {
            return Watching.watch(session, TaskTargets.tracker(session, target), watch);
        }
    }
}
