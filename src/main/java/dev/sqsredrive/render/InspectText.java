package dev.sqsredrive.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.triage.GroupStats;
import dev.sqsredrive.triage.Grouping;
import dev.sqsredrive.triage.Inspection;
import dev.sqsredrive.triage.Part;
import dev.sqsredrive.triage.Sample;

/** How `inspect` reads: a block per group (with the filters that select it), "other", then the scan's count. */
public final class InspectText {

    public static final String FIFO_NOTE = "FIFO queue: while the scan holds a group's first messages SQS hands"
            + " out no more of that group, so only the first messages of each group were seen";
    private static final int LABEL_SHOWN = 200;

    private InspectText() {
    }

    /** The progress line on a terminal, e.g. "inspect: 12000/100000 seen  8s". */
    public static String progress(MoveProgress p) {
        return "inspect: " + p.moved() + (p.toMove() == null ? "" : "/" + p.toMove()) + " seen  "
                + p.elapsed().toSeconds() + "s";
    }

    public static List<String> group(Grouping.Group g) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("#" + g.rank() + "  " + g.stats().count() + " message(s), "
                + bytes(g.stats().bytes()));
        for (Part p : g.parts()) {
            head.append("  ").append(p.key().equals("reason") && g.producer() != null ? g.producer() : p.key())
                    .append(": ").append(cut(p.label()));
        }
        lines.add(head.toString());
        stats(lines, g.stats());
        lines.add("    filter    " + ShellQuoting.filterOptions(g.filters()));
        return lines;
    }

    public static List<String> other(GroupStats other, int groups, boolean moreThanTracked) {
        List<String> lines = new ArrayList<>();
        lines.add("other  " + other.count() + " message(s), " + bytes(other.bytes()) + " in "
                + (moreThanTracked ? "more than " + groups : String.valueOf(groups)) + " more group(s):"
                + " no one filter selects them; raise --groups or group by fewer keys");
        stats(lines, other);
        return lines;
    }

    /** The closing lines: what was seen against the queue's count, what could not be, how long it took. */
    public static List<String> summary(Inspection.Report r, String status, String notSeen) {
        List<String> lines = new ArrayList<>();
        Grouping.Result res = r.result();
        lines.add((status.equals("COMPLETED") ? "INSPECTED" : "INSPECTED " + status) + "  " + r.queue().name()
                + "  seen " + res.seen() + " of about " + r.depthAtStart() + " (+" + r.inFlightAtStart()
                + " in flight at the start)" + (r.max() != null && res.seen() >= r.max() ? ", stopped at --max " + r.max() : "")
                + "  " + String.format(Locale.ROOT, "%.1fs, %.0f msg/s", r.summary().elapsed().toNanos() / 1e9,
                r.summary().achievedRate()));
        if (notSeen != null) {
            lines.add("not seen: " + notSeen);
        }
        if (r.fifo()) {
            lines.add(FIFO_NOTE);
        }
        lines.add(r.notReleased() == 0 ? "nothing was deleted or sent; every message seen is visible again"
                : "nothing was deleted or sent; " + r.notReleased() + " message(s) seen could not be made visible"
                        + " again in time: they are, within " + Inspection.VISIBILITY.toMinutes() + " minutes");
        return lines;
    }

    private static void stats(List<String> lines, GroupStats s) {
        lines.add("    sent      " + time(s.oldestSent()) + " .. " + time(s.newestSent()));
        if (!s.origins().isEmpty()) {
            lines.add("    origins   " + String.join(", ", s.origins()) + (s.moreOrigins() ? ", ..." : ""));
        }
        if (s.receivesMin() != null) {
            lines.add("    receives  " + s.receivesMin() + ".." + s.receivesMax()
                    + String.format(Locale.ROOT, " (mean %.1f)", s.receivesMean()));
        }
        Sample sample = s.sample();
        if (sample != null) {
            String shape = sample.shape().equals("json-object") ? "JSON {" + String.join(", ", sample.keys()) + "}"
                    : sample.shape().equals("json-array") ? "JSON array" : "text";
            lines.add("    sample    " + sample.messageId() + "  " + shape + ", " + sample.length() + " bytes"
                    + (sample.attributes().isEmpty() ? "" : "  attributes: " + String.join(", ", sample.attributes())));
            if (sample.body() != null) {
                lines.add("    body      " + sample.body());
            }
        }
    }

    private static String cut(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= LABEL_SHOWN ? oneLine : oneLine.substring(0, LABEL_SHOWN) + "…";
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        return n < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", n / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    private static String time(Instant t) {
        return t == null ? "?" : t.toString();
    }
}
