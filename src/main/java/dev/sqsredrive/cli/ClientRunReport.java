package dev.sqsredrive.cli;

import dev.sqsredrive.mover.MoveSummary;
import dev.sqsredrive.render.DryRunText;
import dev.sqsredrive.render.MoveSummaryText;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.task.ClientTaskRun;

/** Prints how a client-side run ended and turns it into the exit code. */
final class ClientRunReport {

    private ClientRunReport() {
    }

    static int print(Output out, ClientTaskRun.Result result, Double rate) {
        MoveSummary s = result.summary();
        String handle = result.task() == null ? null : result.task().taskHandle();
        String status = status(result);
        if (s.error() != null) {
            out.note(out.style().red("redrive: ") + s.error());
        }
        MoveSummaryText.explanations(s, handle).forEach(l -> out.note("redrive: " + l));
        if (s.dryRun() != null && out.json()) {
            out.resultJsonLine(DryRunText.json(status, s, rate));
        } else if (s.dryRun() != null) {
            DryRunText.lines(status, s).forEach(out::result);
        } else if (out.json()) {
            var json = MoveSummaryText.json(result.task(), status, s, rate);
            if (!result.files().isEmpty()) {
                var files = json.putArray("files");
                result.files().forEach(f -> files.addObject().put("role", f.role())
                        .put("path", f.file().stdout() ? "-" : f.file().path().toString()).put("lines", f.lines()));
            }
            out.resultJsonLine(json); // one line: scripts read the last
        } else {
            out.result(MoveSummaryText.line(status, s) + filesText(result));
        }
        return exitCode(s);
    }

    /** The run's status as its summary line shows it. */
    private static String status(ClientTaskRun.Result result) {
        MoveSummary s = result.summary();
        return result.task() != null ? result.task().status().name()
                : s.outcome().name();
    }

    /** What the audit log is told of a client-side run: its queues, handle, status and counts. */
    static void record(AuditTrail trail, ClientTaskRun.Result result) {
        MoveSummary s = result.summary();
        if (result.task() != null) {
            trail.handle(result.task().taskHandle()).source(result.task().sourceArn())
                    .destination(result.task().destinationArn());
        }
        trail.outcome(status(result)).count(s.dryRun() != null ? "wouldMove" : "moved", s.moved())
                .count("failed", s.failed()).count("skipped", s.skipped())
                .count("returned", s.returned()).count("duplicatesPossible", s.duplicatesPossible())
                .count("undeleted", s.undeleted());
    }

    /** "; wrote 120 lines to /x/dlq.ndjson (export)" for each file the run wrote to. */
    private static String filesText(ClientTaskRun.Result result) {
        StringBuilder sb = new StringBuilder();
        result.files().forEach(f -> sb.append("; wrote ").append(f.lines()).append(f.lines() == 1 ? " line to " : " lines to ")
                .append(f.file().stdout() ? "stdout" : f.file().path().toString()).append(" (").append(f.role()).append(')'));
        return sb.toString();
    }

    private static int exitCode(MoveSummary s) {
        return switch (s.outcome()) {
            case COMPLETED -> ExitCode.OK.code();
            case INCOMPLETE -> ExitCode.INCOMPLETE.code();
            case FAILED -> ExitCode.TASK_FAILED.code();
            case CANCELLED -> ExitCode.TASK_CANCELLED.code();
            case INTERRUPTED -> ExitCode.INTERRUPTED.code();
        };
    }
}
