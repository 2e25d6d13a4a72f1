package dev.sqsredrive.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.mover.Concurrency;
import dev.sqsredrive.mover.MoveSummary;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCodec;

/** How a client-side run reads: the progress line, the closing summary (text or JSON); a dry run: DryRunText. */
public final class MoveSummaryText {

    private MoveSummaryText() {
    }

    /** e.g. "moved 120/300  failed 0  skipped 0  41.2 msg/s  12s" */
    public static String progress(MoveProgress p) {
        return "moved " + ToMove.moved(p.moved(), p.toMove()) + "  failed " + p.failed()
                + "  skipped " + p.skipped() + (p.returned() > 0 ? "  returned " + p.returned() : "")
                + "  " + rate(p.achievedRate()) + "  "
                + p.elapsed().toSeconds() + "s" + (p.workers() == null ? "" : "  " + WorkersText.now(p.workers()));
    }

    /** The result line on stdout, e.g. "COMPLETED  moved 300  failed 0  ...". */
    public static String line(String status, MoveSummary s) {
        return status + (s.copy() ? "  copied " : "  moved ") + s.moved() + "  failed " + s.failed() + "  skipped " + s.skipped()
                + "  duplicates possible " + s.duplicatesPossible()
                + (s.returned() > 0 ? "  returned " + s.returned() : "") // one pass: only a run that saw returns
                + "  elapsed " + String.format(Locale.ROOT, "%.1fs", seconds(s))
                + "  " + rate(s.achievedRate());
    }

    /** Lines for stderr that explain the counts: why messages failed, what waits for a delete. */
    public static List<String> explanations(MoveSummary s, String handle) {
        List<String> lines = new java.util.ArrayList<>();
        for (Map.Entry<String, Long> f : s.failures().entrySet()) {
            lines.add(f.getValue() + " message(s) stay in the DLQ: " + f.getKey());
        }
        if (s.returned() > 0) {
            lines.add(s.returned() + " moved message(s) came back to the DLQ and stay there, not moved again"
                    + " (one pass): their consumer still fails them");
        }
        if (s.resumedDeletes() > 0) {
            lines.add(s.resumedDeletes() + " of the moved message(s) had been sent by an earlier run: only deleted now");
        }
        if (s.undeleted() > 0) {
            lines.add(s.undeleted() + " message(s) were delivered but are still in the DLQ (delete failed); "
                    + (handle == null ? "run the same command again" : "'redrive start --resume " + handle + "'")
                    + " deletes them without sending them again");
        }
        if (s.unrecorded() > 0) {
            lines.add(s.unrecorded() + " of the moved message(s) reached the destination but their record (the"
                    + " archive, the journal) could not be written, and are still in the DLQ: the next run on this DLQ"
                    + " sends them again (so that the archive holds them) and counts each as a possible duplicate");
        }
        String left = s.leftBehind().describe(s.dryRun() != null);
        if (left != null) {
            lines.add(left);
        }
        if (s.duplicatesPossible() > 0) {
            lines.add(s.duplicatesPossible() + " message(s) may have been delivered more than once (a send was"
                    + " retried after its answer was lost, or repeated after a run was killed)");
        }
        return lines;
    }

    public static ObjectNode json(MoveTask task, String status, MoveSummary s, Double rate) {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        n.put("taskHandle", task == null ? null : task.taskHandle());
        n.put("mode", "client");
        n.put("status", status);
        if (task != null) {
            n.put("source", task.sourceArn());
            n.put("destination", task.destinationArn());
        }
        n.put("rate", rate);
        n.put("moved", s.moved());
        n.put("failed", s.failed());
        n.put("skipped", s.skipped());
        n.put("duplicatesPossible", s.duplicatesPossible());
        n.put("returned", s.returned());
        n.put("resumedDeletes", s.resumedDeletes());
        n.put("undeleted", s.undeleted());
        n.put("unrecorded", s.unrecorded());
        n.put("leftBehind", s.leftBehind().count()); // null: the DLQ could not be counted
        n.put("leftBehindReason", s.leftBehind().describe(s.dryRun() != null));
        n.put("elapsedSeconds", Math.round(seconds(s) * 1000) / 1000.0);
        n.put("achievedRate", Math.round(s.achievedRate() * 100) / 100.0);
        Concurrency w = s.timing().workers();
        if (w != null) {
            ObjectNode workers = n.putObject("workers");
            workers.put("adaptive", w.adaptive());
            workers.put("min", w.min());
            workers.put("max", w.max());
            workers.put("atEnd", w.current());
            workers.put("peak", w.peak());
        }
        ObjectNode failures = n.putObject("failures");
        s.failures().forEach(failures::put);
        n.put("error", s.error());
        return n;
    }

    private static double seconds(MoveSummary s) {
        return s.elapsed().toNanos() / 1e9;
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f msg/s", perSecond);
    }
}
