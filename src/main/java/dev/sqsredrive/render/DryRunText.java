package dev.sqsredrive.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.mover.DryRunReport;
import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.mover.MoveSummary;
import dev.sqsredrive.task.TaskCodec;

/**
 * How a dry run reads. Nothing moves in a dry run, so nothing here says "moved": the counts are what would
 * move, and the JSON carries "dryRun": true with counts of its own, so no script mistakes it for a move.
 */
public final class DryRunText {

    private DryRunText() {
    }

    /** The progress line of a dry run, e.g. "dry run: would move 120/300  could not 0  skipped 0  12s". */
    public static String progress(MoveProgress p) {
        return "dry run: would move " + p.moved() + (p.toMove() == null ? "" : "/" + p.toMove()) + "  could not "
                + p.failed() + "  skipped " + p.skipped() + "  " + p.elapsed().toSeconds() + "s";
    }

    /** The report for stdout: what would go where, samples, then the closing line. */
    public static List<String> lines(String status, MoveSummary s) {
        DryRunReport r = s.dryRun();
        List<String> lines = new ArrayList<>();
        lines.add("dry run: " + s.moved() + " message(s) would move, " + s.failed() + " could not, "
                + s.skipped() + " left by the filter; nothing was sent or deleted");
        Table t = new Table("DESTINATION", "MESSAGES");
        r.perDestination().forEach((d, n) -> t.row(d, Long.toString(n)));
        lines.addAll(t.lines());
        for (DryRunReport.Sample sample : r.samples()) {
            lines.add("sample " + sample.messageId() + "  " + sample.size() + " bytes  -> " + sample.destination());
            sample.attributes().forEach((k, v) -> lines.add("  " + k + " = " + v));
            if (sample.body() != null) {
                lines.add("  body: " + sample.body());
            }
        }
        lines.add((status.equals("COMPLETED") ? "DRY RUN" : "DRY RUN " + status) + "  would move " + s.moved()
                + "  could not " + s.failed() + "  skipped " + s.skipped()
                + "  elapsed " + String.format(Locale.ROOT, "%.1fs", s.elapsed().toNanos() / 1e9));
        return lines;
    }

    public static ObjectNode json(String status, MoveSummary s, Double rate) {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        n.put("dryRun", true);
        n.put("mode", "client");
        n.put("status", status);
        n.put("rate", rate);
        n.put("wouldMove", s.moved());
        n.put("couldNotMove", s.failed());
        n.put("skipped", s.skipped());
        ObjectNode failures = n.putObject("failures");
        s.failures().forEach(failures::put);
        ObjectNode per = n.putObject("perDestination");
        s.dryRun().perDestination().forEach(per::put);
        var samples = n.putArray("samples");
        for (DryRunReport.Sample sample : s.dryRun().samples()) {
            ObjectNode o = samples.addObject();
            o.put("messageId", sample.messageId());
            o.put("size", sample.size());
            o.put("destination", sample.destination());
            ObjectNode attrs = o.putObject("attributes");
            sample.attributes().forEach(attrs::put);
            if (sample.body() != null) {
                o.put("body", sample.body());
            }
        }
        n.put("elapsedSeconds", Math.round(s.elapsed().toNanos() / 1e6) / 1000.0);
        n.put("error", s.error());
        return n;
    }
}
