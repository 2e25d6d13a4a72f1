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
    private int throughputMessages;

    void header(Instant at, int messages, int largeMessages) {
        throughputMessages = messages;
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
        ceilings.merge(threads, rate, Math::max);
        row(String.format(Locale.ROOT, "| raw SDK loop, %d threads | | %.0f | | | |", threads, rate));
    }

    /** The best rate of each unthrottled mover configuration at the throughput size, for the verdict. */
    private final java.util.Map<String, Double> movers = new java.util.TreeMap<>();
    private final TreeMap<Integer, Long> cappedRss = new TreeMap<>();
    private Integer moverMaxThreads;

    void unthrottled(int messages, Integer concurrency, String jvmOptions, double rate, MoverProcess.Result r) {
        String label = "mover, unthrottled, " + (concurrency == null ? "default workers" : concurrency + " workers")
                + (jvmOptions == null ? "" : ", " + jvmOptions);
        if (jvmOptions != null) {
            cappedRss.put(messages, r.peakRssKiB());
        } else if (concurrency == null) {
            peakRss.putIfAbsent(messages, r.peakRssKiB());
        }
        if (jvmOptions == null && messages == throughputMessages) {
            movers.merge(concurrency == null ? "default" : String.valueOf(concurrency), rate, Math::max);
            if (concurrency != null) {
                moverMaxThreads = concurrency;
            }
        }
        row(String.format(Locale.ROOT, "| %s | %d | %.0f | | %.0f | %s |", label, messages, rate,
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
        if (!ceilings.isEmpty() && movers.containsKey("default")) {
            var best = ceilings.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
            double bestMover = movers.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double ratio = bestMover / best.getValue() * 100;
            verdict(ratio >= 90, String.format(Locale.ROOT, "unthrottled: best mover run %.0f msg/s = %.0f %% of the"
                    + " best raw loop (%.0f msg/s, %d threads) (target ≥ 90 %%)", bestMover, ratio, best.getValue(),
                    best.getKey()));
            double atDefault = movers.get("default") / ceilings.firstEntry().getValue() * 100;
            lines.add("");
            StringBuilder same = new StringBuilder(String.format(Locale.ROOT, "Same thread count, best of the rounds: mover default workers %.0f"
                    + " msg/s vs raw loop %d threads %.0f msg/s (%.0f %%)", movers.get("default"),
                    ceilings.firstKey(), ceilings.firstEntry().getValue(), atDefault));
            if (moverMaxThreads != null && ceilings.containsKey(moverMaxThreads)) {
                same.append(String.format(Locale.ROOT, "; mover %d workers %.0f msg/s vs raw loop %d threads %.0f msg/s"
                        + " (%.0f %%)", moverMaxThreads, movers.get(String.valueOf(moverMaxThreads)),
                        moverMaxThreads, ceilings.get(moverMaxThreads),
                        movers.get(String.valueOf(moverMaxThreads)) / ceilings.get(moverMaxThreads) * 100));
            }
            lines.add(same.append('.').toString());
        }
        if (peakRss.size() == 2) {
            long small = peakRss.firstEntry().getValue();
            long large = peakRss.lastEntry().getValue();
            verdict(large <= small * 1.10, String.format(Locale.ROOT, "peak RSS %d → %d messages: %.0f → %.0f MiB"
                    + " (%+.0f %%; target flat, ≤ +10 %%)", peakRss.firstKey(), peakRss.lastKey(), small / 1024.0,
                    large / 1024.0, (large - small) * 100.0 / small));
        }
        if (cappedRss.size() == 2) {
            long small = cappedRss.firstEntry().getValue();
            long large = cappedRss.lastEntry().getValue();
            verdict(large <= small * 1.10, String.format(Locale.ROOT, "with the heap capped: peak RSS %d → %d"
                    + " messages: %.0f → %.0f MiB (%+.0f %%)", cappedRss.firstKey(), cappedRss.lastKey(),
                    small / 1024.0, large / 1024.0, (large - small) * 100.0 / small));
        }
        lines.forEach(out::println);
        out.println();
        verdicts.forEach(out::println);
    }
}
