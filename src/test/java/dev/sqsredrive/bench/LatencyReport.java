package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The latency phase's table: one row per tool and concurrency, medians over the rounds, the census summed over
 * them, and beside each row the latency bound workers × 10 / (3 × RTT): a worker that receives 10 messages, sends
 * them and deletes them waits for three round trips per 10 messages, however fast it is otherwise.
 */
final class LatencyReport {

    private record Sample(double rate, long peakRssKiB, double cpuPer10k, BenchCensus census, int exitCode) {
    }

    private record Key(String tool, String concurrency, int workers) {
    }

    private final Map<Key, List<Sample>> rows = new LinkedHashMap<>();
    private final List<String> header = new ArrayList<>();
    private double roundTrip;

    void header(int messages, BenchQueues.Shape shape, Duration delay, double medianRoundTrip, int rounds,
                String others) {
        roundTrip = medianRoundTrip;
        header.add(String.format(Locale.ROOT, "Latency phase, %s, %d cores, load average %s: a proxy adds %d ms to"
                        + " every SQS call (median round trip measured through it: %.1f ms); %d messages of %d bytes"
                        + "%s per run; %d interleaved round(s), medians; %s.", Instant.now(),
                Runtime.getRuntime().availableProcessors(), LoadAverage.now(), delay.toMillis(), medianRoundTrip * 1000,
                messages, shape.bodyBytes(), shape.attributes() ? " with 2 attributes (String, Number)" : "", rounds,
                others));
    }

    void add(String tool, String concurrency, int workers, double rate, MeasuredProcess.Result r, BenchCensus census,
             int messages) {
        Sample s = new Sample(rate, r.peakRssKiB(), r.cpuSeconds() / messages * 10_000, census, r.exitCode());
        rows.computeIfAbsent(new Key(tool, concurrency, workers), k -> new ArrayList<>()).add(s);
        System.err.println("bench: " + line(new Key(tool, concurrency, workers), List.of(s)));
    }

    void print(PrintStream out) {
        header.forEach(out::println);
        out.println();
        out.println("| tool | concurrency | msg/s | peak RSS (MiB) | CPU s / 10k msgs | lost | duplicated"
                + " | attributes lost | latency bound (msg/s) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach((key, samples) -> out.println(line(key, samples)));
        out.println();
        out.println("Load average at the end: " + LoadAverage.now() + ". Lost, duplicated, attributes lost: summed over"
                + " the rounds (a census of both queues after each run).");
    }

    private String line(Key key, List<Sample> samples) {
        String exits = samples.stream().filter(s -> s.exitCode() != 0).map(s -> "exit " + s.exitCode()).distinct()
                .reduce((a, b) -> a + ", " + b).map(e -> " (" + e + ")").orElse("");
        return String.format(Locale.ROOT, "| %s%s | %s | %.0f | %.0f | %.2f | %d | %d | %d | %.0f |", key.tool(), exits,
                key.concurrency(), median(samples, Sample::rate),
                median(samples, s -> s.peakRssKiB() / 1024.0), median(samples, Sample::cpuPer10k),
                samples.stream().mapToInt(s -> s.census().lost()).sum(),
                samples.stream().mapToInt(s -> s.census().duplicated()).sum(),
                samples.stream().mapToLong(s -> s.census().altered()).sum(),
                key.workers() * 10 / (3 * roundTrip));
    }

    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> figure) {
        double[] v = samples.stream().mapToDouble(figure).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
