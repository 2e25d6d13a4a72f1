package dev.sqsredrive.cli;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.sqsredrive.audit.AuditLog;
import dev.sqsredrive.audit.AuditRecord;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.render.HistoryText;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.task.StateDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the audit log: every start, cancel and inspect run from this state directory, who"
                + " ran it, on what, with which counts, outcome and exit code.",
                "Oldest first, the most recent last. Reads only the local log: no AWS call."},
        footerHeading = "%nExamples:%n",
        footer = {"  redrive history", "  redrive history orders-dlq --max 5",
                "  redrive history -o json   # one object per line, the log's own lines"})
final class HistoryCommand implements Callable<Integer> {

    static final int DEFAULT_MAX = 20;

    @ParentCommand
    RedriveCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "Only the commands on this queue (name, URL"
            + " or ARN, matched by queue name and whatever account and region it names) or file:PATH.")
    String source;

    @Option(names = "--max", paramLabel = "N", description = "The N most recent entries at most (default: "
            + DEFAULT_MAX + ").")
    Integer max;

    @Override
    public Integer call() {
        int bound = max == null ? DEFAULT_MAX : max;
        if (bound < 1) {
            throw RedriveException.usage("--max " + bound + " is out of range: at least 1");
        }
        Optional<QueueRef> queue = source == null || source.startsWith("file:") ? Optional.empty()
                : Optional.of(QueueRef.parse(source));
        try (Session session = root.session(spec)) {
            AuditLog log = new AuditLog(session.stateDir());
            AuditLog.Contents contents;
            try {
                contents = log.read();
            } catch (IOException e) {
                throw StateDir.unusable(session.stateDir(), e);
            }
            Output out = session.out();
            if (contents.unreadable() > 0) {
                out.warn(contents.unreadable() + " line(s) of " + log.file() + " are no audit record: skipped");
            }
            List<AuditRecord> shown = contents.records().stream()
                    .filter(r -> source == null || concerns(r, source, queue)).toList();
            shown = shown.subList(Math.max(0, shown.size() - bound), shown.size());
            if (out.json()) {
                shown.forEach(r -> out.resultJsonLine(r.toJson()));
            } else if (shown.isEmpty()) {
                out.note("No history" + (source == null ? "" : " for " + source) + " in " + log.file() + ".");
            } else {
                HistoryText.table(shown).forEach(out::result);
            }
            return ExitCode.OK.code();
        }
    }

    /** Whether a record's source is the queue asked for: same name, and same account and region where given. */
    private static boolean concerns(AuditRecord r, String asked, Optional<QueueRef> queue) {
        if (r.source() == null) {
            return false;
        }
        if (queue.isEmpty()) {
            return r.source().equals(asked);
        }
        QueueRef recorded;
        try {
            recorded = QueueRef.parse(r.source());
        } catch (RedriveException notAQueue) {
            return false; // file:PATH, or what was typed and refused
        }
        QueueRef q = queue.get();
        return recorded.name().equals(q.name()) && sameWhereGiven(q.accountId(), recorded.accountId())
                && sameWhereGiven(q.region(), recorded.region());
    }

    private static boolean sameWhereGiven(Optional<String> asked, Optional<String> recorded) {
        return asked.isEmpty() || recorded.isEmpty() || asked.equals(recorded);
    }
}
