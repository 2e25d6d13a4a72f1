package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.testing.proxy.SendLog;

/** Collects the benchmark's figures and prints them as Markdown, with a verdict for each target. */
final class BenchReport {

    private final List<String> lines = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private final TreeMap<Integer, Double> ceilings = new TreeMap<>();
    private final TreeMap<Integer, Long> peakRss = new TreeMap<>();
    private int throughputMessages;

    void header(Instant at, int messages, int smallMessages, int largeMessages) {
        throughputMessages = messages;
        Runtime rt = Runtime.getRuntime();
        lines.add(String.format(Locale.ROOT, "Run %s on %d cores, %s %s; ElasticMQ in the benchmark JVM; "
                        + "%d messages per throughput run, %d and %d for memory; bodies of ~245 bytes.",
                at, rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                messages, smallMessages, largeMessages));
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

    /** The best unthrottled mover rate at the throughput size, by number of workers. */
    private final TreeMap<Integer, Double> movers = new TreeMap<>();
    private final java.util.Map<String, TreeMap<Integer, Long>> cappedRss = new java.util.LinkedHashMap<>();

    void unthrottled(int messages, Integer concurrency, String jvmOptions, double rate, MoverProcess.Result r) {
        int workers = concurrency == null ? ClientOptions.MAX_CONCURRENCY : concurrency;
        String label = "mover, unthrottled, " + workers + (concurrency == null ? " workers (default)" : " workers")
                + (jvmOptions == null ? "" : ", " + jvmOptions);
        if (jvmOptions != null) {
            cappedRss.computeIfAbsent(jvmOptions, k -> new TreeMap<>()).put(messages, r.peakRssKiB());
        } else if (concurrency == null && messages != throughputMessages) {
            peakRss.putIfAbsent(messages, r.peakRssKiB());
        }
        if (jvmOptions == null && messages == throughputMessages) {
            movers.merge(workers, rate, Math::max);
        }
        row(String.format(Locale.ROOT, "| %s | %d | %.0f | | %.0f | %s |", label, messages, rate,
                r.peakRssKiB() / 1024.0, own(r)));
    }

    void rated(int rate, int messages, SendLog sends, MoverProcess.Result r) {
        double achieved = sends.achievedRate();
        long worstWindow = sends.worstWindow(1_000_000_000L);
        row(String.format(Locale.ROOT, "| mover, --rate %d | %d | %.2f | %d at %.1f s (%d of %d clock seconds above"
                        + " %d) | %.0f | %s |", rate, messages, achieved, worstWindow,
                sends.worstWindowStart(1_000_000_000L), sends.secondsAbove(rate + 10L), sends.seconds(), rate + 10,
                r.peakRssKiB() / 1024.0, own(r)));
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
        if (!ceilings.isEmpty() && !movers.isEmpty()) {
            var best = ceilings.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
            var bestMover = movers.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
            double ratio = bestMover.getValue() / best.getValue() * 100;
            verdict(ratio >= 90, String.format(Locale.ROOT, "unthrottled: best mover %.0f msg/s (%d workers) = %.0f %%"
                    + " of the best raw loop %.0f msg/s (%d threads) (target ≥ 90 %%)", bestMover.getValue(),
                    bestMover.getKey(), ratio, best.getValue(), best.getKey()));
            lines.add("");
            movers.forEach((workers, rate) -> {
                if (ceilings.containsKey(workers)) {
                    lines.add(String.format(Locale.ROOT, "- at %d threads: mover %.0f msg/s vs raw loop %.0f msg/s"
                            + " (%.0f %%), best of the rounds", workers, rate, ceilings.get(workers),
                            rate / ceilings.get(workers) * 100));
                }
            });
        }
        if (peakRss.size() == 2) {
            long small = peakRss.firstEntry().getValue();
            long large = peakRss.lastEntry().getValue();
            verdict(large <= small * 1.10, String.format(Locale.ROOT, "peak RSS %d → %d messages: %.0f → %.0f MiB"
                    + " (%+.0f %%; target flat, ≤ +10 %%)", peakRss.firstKey(), peakRss.lastKey(), small / 1024.0,
                    large / 1024.0, (large - small) * 100.0 / small));
        }
        cappedRss.forEach((options, rss) -> {
            if (rss.size() == 2) {
                long small = rss.firstEntry().getValue();
                long large = rss.lastEntry().getValue();
                verdicts.add(String.format(Locale.ROOT, "- diagnosis, with %s: peak RSS %d → %d messages: %.0f →"
                        + " %.0f MiB (%+.0f %%)", options, rss.firstKey(), rss.lastKey(), small / 1024.0,
                        large / 1024.0, (large - small) * 100.0 / small));
            }
        });
        lines.forEach(out::println);
        out.println();
        verdicts.forEach(out::println);
    }
}
