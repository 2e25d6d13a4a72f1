package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Collects the benchmark's figures and prints them as Markdown, with a verdict for each target. */
final class BenchReport {

    private final List<String> lines = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private final TreeMap<Integer, Double> ceilings = new TreeMap<>();
    private final TreeMap<Integer, Long> peakRss = new TreeMap<>();
    private double unthrottledRate;

    void header(Instant at, int messages, int largeMessages) {
        Runtime rt = Runtime.getRuntime();
        lines.add(String.format(Locale.ROOT, "Run %s on %d cores, %s %s; ElasticMQ in the benchmark JVM; "
                        + "%d messages per throughput run (%d for the large one), bodies of ~245 bytes.",
                at, rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                messages, largeMessages));
        lines.add("");
        lines.add("| run | messages | achieved msg/s | worst 1 s window | peak RSS (MiB) | mover's own report |");
        lines.add("|---|---:|---:|---:|---:|---|");
    }

    /** A result row, echoed on stderr as it comes (the full report waits for the end). */
    private void row(String line) {
        System.err.println("bench: " + line);
        lines.add(line);
    }

    void ceiling(int threads, double rate) {
        ceilings.put(threads, rate);
        row(String.format(Locale.ROOT, "| raw SDK loop, %d threads | | %.0f | | | |", threads, rate));
    }

    void unthrottled(int messages, double rate, MoverProcess.Result r) {
        if (unthrottledRate == 0) {
            unthrottledRate = rate;
        }
        peakRss.put(messages, r.peakRssKiB());
        row(String.format(Locale.ROOT, "| mover, unthrottled | %d | %.0f | | %.0f | %s |", messages, rate,
                r.peakRssKiB() / 1024.0, own(r)));
    }

    void rated(int rate, int messages, double achieved, long worstWindow, MoverProcess.Result r) {
        row(String.format(Locale.ROOT, "| mover, --rate %d | %d | %.2f | %d | %.0f | %s |", rate, messages,
                achieved, worstWindow, r.peakRssKiB() / 1024.0, own(r)));
        double error = (achieved - rate) / rate * 100;
        verdict(Math.abs(error) <= 2, String.format(Locale.ROOT, "--rate %d: achieved %.2f msg/s (%+.1f %%, target"
                + " within ±2 %%)", rate, achieved, error));
        verdict(worstWindow <= rate + 10, String.format(Locale.ROOT, "--rate %d: worst one-second window %d messages"
                + " (target ≤ %d)", rate, worstWindow, rate + 10));
    }

    private static String own(MoverProcess.Result r) {
        return String.format(Locale.ROOT, "%.1f s, %.1f msg/s, process %.1f s wall", r.summary().elapsedSeconds(),
                r.summary().achievedRate(), r.wallSeconds());
    }

    private void verdict(boolean met, String what) {
        verdicts.add((met ? "- met: " : "- MISSED: ") + what);
    }

    void print(PrintStream out) {
        if (!ceilings.isEmpty() && unthrottledRate > 0) {
            var best = ceilings.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
            double ratio = unthrottledRate / best.getValue() * 100;
            verdict(ratio >= 90, String.format(Locale.ROOT, "unthrottled mover %.0f msg/s = %.0f %% of the best raw"
                    + " loop (%.0f msg/s, %d threads) (target ≥ 90 %%)", unthrottledRate, ratio, best.getValue(),
                    best.getKey()));
        }
        if (peakRss.size() == 2) {
            long small = peakRss.firstEntry().getValue();
            long large = peakRss.lastEntry().getValue();
            verdict(large <= small * 1.10, String.format(Locale.ROOT, "peak RSS %d → %d messages: %.0f → %.0f MiB"
                    + " (%+.0f %%; target flat, ≤ +10 %%)", peakRss.firstKey(), peakRss.lastKey(), small / 1024.0,
                    large / 1024.0, (large - small) * 100.0 / small));
        }
        lines.forEach(out::println);
        out.println();
        verdicts.forEach(out::println);
    }
}
