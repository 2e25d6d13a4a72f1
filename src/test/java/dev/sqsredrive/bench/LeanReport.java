package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The lean phase's table: one row per {@link LeanRun}, the median of its rounds for each figure, the census summed
 * over them, and what the tool said of its concurrency or why it refused the setting. {@link LeanVerdicts} reads
 * the medians back for the verdicts.
 */
final class LeanReport {

    record Sample(double rate, double peakRssMiB, double cpuPer10k, BenchCensus census, int exitCode) {
    }

    private final Map<LeanRun, List<Sample>> samples = new LinkedHashMap<>();
    private final Map<LeanRun, Set<String>> notes = new LinkedHashMap<>();
    private final List<String> header = new ArrayList<>();
    private double minLoad = Double.MAX_VALUE;
    private double maxLoad;

    void header(String line) {
        header.add(line);
    }

    /** Notes the load average as a run starts, for the range printed with the table. */
    void loadNow() {
        double one = Double.parseDouble(LoadAverage.now().split(" ")[0]);
        minLoad = Math.min(minLoad, one);
        maxLoad = Math.max(maxLoad, one);
    }

    void add(LeanRun run, double rate, MeasuredProcess.Result r, BenchCensus census, String reported) {
        Sample s = new Sample(rate, r.peakRssKiB() / 1024.0, r.cpuSeconds() / run.messages() * 10_000, census,
                r.exitCode());
        samples.computeIfAbsent(run, k -> new ArrayList<>()).add(s);
        note(run, reported);
        System.err.println("bench: " + line(run));
    }

    void refused(LeanRun run, String message) {
        samples.computeIfAbsent(run, k -> new ArrayList<>());
        note(run, "refused: " + message);
        System.err.println("bench: " + line(run));
    }

    private void note(LeanRun run, String note) {
        Set<String> n = notes.computeIfAbsent(run, k -> new LinkedHashSet<>());
        if (!note.isEmpty()) {
            n.add(note);
        }
    }

    /** The median of a figure over the rounds of a run, or empty if it never ran (not planned, or refused). */
    OptionalDouble median(LeanRun run, ToDoubleFunction<Sample> figure) {
        List<Sample> s = samples.getOrDefault(run, List.of());
        if (s.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] v = s.stream().mapToDouble(figure).sorted().toArray();
        return OptionalDouble.of(v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
    }

    /** Why a run has no figures, or what its tool reported, for a verdict's text. */
    String note(LeanRun run) {
        return String.join("; ", notes.getOrDefault(run, Set.of()));
    }

    void print(PrintStream out, Instant started) {
        header.forEach(out::println);
        out.println();
        out.println("| delay | tool | concurrency | messages | msg/s | peak RSS (MiB) | CPU s / 10k msgs | lost"
                + " | duplicated | attributes lost | runs | the tool's own report |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        samples.keySet().forEach(run -> out.println(line(run)));
        out.println();
        out.printf(Locale.ROOT, "Load average (1 min) as the runs started: %.2f–%.2f; at the end: %s. %s to %s."
                        + " Lost, duplicated, attributes lost: summed over the rounds (a census of both queues after"
                        + " each run).%n", minLoad, maxLoad, LoadAverage.now(), started, Instant.now());
    }

    private String line(LeanRun run) {
        List<Sample> s = samples.getOrDefault(run, List.of());
        String exits = s.stream().filter(x -> x.exitCode() != 0).map(x -> "exit " + x.exitCode()).distinct()
                .reduce((a, b) -> a + ", " + b).map(e -> " (" + e + ")").orElse("");
        return String.format(Locale.ROOT, "| %d ms | %s%s | %s | %d | %s | %s | %s | %s | %s | %s | %d | %s |",
                run.delayMillis(), run.tool(), exits, run.setting(), run.messages(),
                figure(run, Sample::rate, "%.0f"), figure(run, Sample::peakRssMiB, "%.0f"),
                figure(run, Sample::cpuPer10k, "%.2f"), sum(s, x -> x.census().lost()),
                sum(s, x -> x.census().duplicated()), sum(s, x -> x.census().altered()), s.size(), note(run));
    }

    private String figure(LeanRun run, ToDoubleFunction<Sample> f, String format) {
        OptionalDouble m = median(run, f);
        return m.isPresent() ? String.format(Locale.ROOT, format, m.getAsDouble()) : "–";
    }

    private static String sum(List<Sample> s, ToDoubleFunction<Sample> f) {
        return s.isEmpty() ? "–" : String.valueOf((long) s.stream().mapToDouble(f).sum());
    }
}
