package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Issue 20's targets, each read from the medians of one {@link LeanReport} and printed as one row of a verdict
 * table: the figures compared, their ratio, met or missed. A target whose rows did not run (left out by a knob,
 * or a setting the tool refused) is "not measured", with the reason; never met by default.
 */
final class LeanVerdicts {

    static final double CPU_RATIO = 1.2;
    static final double CPU_STRETCH = 1.0;
    static final double PEER_RATIO = 1.2;
    static final double OWN_BEST_RATIO = 0.9;
    static final double RSS_MIB = 150;
    /** "Flat" from the small to the large run: at most this much more, as the memory phase has always read it. */
    static final double RSS_GROWTH = 1.10;

    private final LeanReport report;
    private final LeanRun.Knobs k;
    private final List<String> rows = new ArrayList<>();

    LeanVerdicts(LeanReport report, LeanRun.Knobs knobs) {
        this.report = report;
        this.k = knobs;
    }

    void print(PrintStream out) {
        cpu(k.messages());
        cpu(k.largeMessages());
        if (!k.delays().isEmpty()) {
            versusBest(k.delays().get(0), LeanRun.LUMIGO, k.lumigoSettings(), PEER_RATIO, "lumigo-cli's");
        }
        k.delays().stream().skip(1).forEach(d -> versusBest(d, LeanRun.REDRIVE, k.redriveSettings(), OWN_BEST_RATIO,
                "its own fixed settings'"));
        k.redriveSettings().forEach(this::rss);
        flat();
        out.println();
        out.println("| target (issue 20) | figures (medians) | ratio | verdict |");
        out.println("|---|---|---:|---|");
        rows.forEach(out::println);
        out.println("| nothing lost, duplicated or altered by redrive | every redrive run's census: 0 / 0 / 0 (a run"
                + " with any stops the benchmark) | | met |");
    }

    private void cpu(int messages) {
        if (messages <= 0) {
            return;
        }
        LeanRun ours = new LeanRun(LeanRun.REDRIVE, null, 0, messages);
        LeanRun theirs = new LeanRun(LeanRun.LUMIGO, null, 0, messages);
        OptionalDouble a = report.median(ours, LeanReport.Sample::cpuPer10k);
        OptionalDouble b = report.median(theirs, LeanReport.Sample::cpuPer10k);
        String target = String.format(Locale.ROOT, "CPU per message, unthrottled, %,d msgs: redrive default ≤ %.1f×"
                + " lumigo-cli's default (stretch ≤ %.1f×)", messages, CPU_RATIO, CPU_STRETCH);
        if (a.isEmpty() || b.isEmpty()) {
            notMeasured(target, ours, theirs);
            return;
        }
        double ratio = a.getAsDouble() / b.getAsDouble();
        row(target, String.format(Locale.ROOT, "%.2f vs %.2f CPU s / 10k msgs", a.getAsDouble(), b.getAsDouble()),
                ratio, ratio <= CPU_RATIO ? (ratio <= CPU_STRETCH ? "met, stretch met too" : "met (stretch missed)")
                        : "**missed**");
    }

    /** Redrive's default against the best of a tool's fixed settings, under one delay. */
    private void versusBest(int delay, String tool, List<Integer> settings, double atLeast, String whose) {
        LeanRun ours = new LeanRun(LeanRun.REDRIVE, null, delay, k.messages());
        String target = String.format(Locale.ROOT, "+%d ms per call: redrive default ≥ %.1f× %s best of %s", delay,
                atLeast, whose, settings);
        Best best = best(tool, settings, delay);
        OptionalDouble a = report.median(ours, LeanReport.Sample::rate);
        if (a.isEmpty() || best == null) {
            notMeasured(target, ours, null);
            return;
        }
        double ratio = a.getAsDouble() / best.rate();
        row(target, String.format(Locale.ROOT, "%.0f vs %.0f msg/s (%s at %d)%s", a.getAsDouble(), best.rate(),
                tool, best.concurrency(), reported(ours)), ratio, ratio >= atLeast ? "met" : "**missed**");
    }

    /** The highest peak RSS of redrive at this setting, over every delay it ran under. */
    private void rss(int concurrency) {
        String target = String.format(Locale.ROOT, "peak RSS ≤ %.0f MiB at --concurrency %d", RSS_MIB, concurrency);
        double worst = 0;
        int worstDelay = -1;
        List<Integer> delays = new ArrayList<>(k.delays());
        delays.add(0, 0);
        for (int delay : delays) {
            LeanRun run = new LeanRun(LeanRun.REDRIVE, concurrency, delay, k.messages());
            OptionalDouble m = report.median(run, LeanReport.Sample::peakRssMiB);
            if (m.isPresent() && m.getAsDouble() > worst) {
                worst = m.getAsDouble();
                worstDelay = delay;
            }
        }
        if (worstDelay < 0) {
            notMeasured(target, new LeanRun(LeanRun.REDRIVE, concurrency, k.delays().isEmpty() ? 0 : k.delays().get(0),
                    k.messages()), null);
            return;
        }
        row(target, String.format(Locale.ROOT, "%.0f MiB (highest, at +%d ms)", worst, worstDelay),
                worst / RSS_MIB, worst <= RSS_MIB ? "met" : "**missed**");
    }

    private void flat() {
        LeanRun small = new LeanRun(LeanRun.REDRIVE, null, 0, k.smallMessages());
        LeanRun large = new LeanRun(LeanRun.REDRIVE, null, 0, k.largeMessages());
        String target = String.format(Locale.ROOT, "peak RSS flat from %,d to %,d msgs (≤ +%.0f %%, unthrottled,"
                + " default)", k.smallMessages(), k.largeMessages(), (RSS_GROWTH - 1) * 100);
        OptionalDouble a = report.median(small, LeanReport.Sample::peakRssMiB);
        OptionalDouble b = report.median(large, LeanReport.Sample::peakRssMiB);
        if (a.isEmpty() || b.isEmpty()) {
            notMeasured(target, small, large);
            return;
        }
        double ratio = b.getAsDouble() / a.getAsDouble();
        boolean under = b.getAsDouble() <= RSS_MIB;
        row(target, String.format(Locale.ROOT, "%.0f → %.0f MiB", a.getAsDouble(), b.getAsDouble()), ratio,
                ratio <= RSS_GROWTH && under ? "met" : ratio <= RSS_GROWTH ? "flat, but **over 150 MiB**" : "**missed**");
    }

    private record Best(int concurrency, double rate) {
    }

    private Best best(String tool, List<Integer> settings, int delay) {
        Best best = null;
        for (int c : settings) {
            OptionalDouble r = report.median(new LeanRun(tool, c, delay, k.messages()), LeanReport.Sample::rate);
            if (r.isPresent() && (best == null || r.getAsDouble() > best.rate())) {
                best = new Best(c, r.getAsDouble());
            }
        }
        return best;
    }

    private String reported(LeanRun run) {
        String note = report.note(run);
        return note.isEmpty() ? "" : "; the default's own report: " + note;
    }

    private void notMeasured(String target, LeanRun one, LeanRun other) {
        String why = (report.note(one) + (other == null ? "" : " " + report.note(other))).strip();
        row(target, "not run" + (why.isEmpty() ? " (left out by the knobs)" : ": " + why), Double.NaN,
                "not measured");
    }

    private void row(String target, String figures, double ratio, String verdict) {
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", target, figures,
                Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio), verdict));
    }
}
