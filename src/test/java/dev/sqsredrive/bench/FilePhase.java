package dev.sqsredrive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.ElasticMq;

/**
 * Files as queues at scale (issue "Files as queues"): a DLQ of N messages (1 KiB, two attributes) exported to
 * a file, then that file imported into a queue, plain and gzip, each run as users run it (dist/redrive) and
 * measured from outside: wall time, peak RSS (VmHWM), CPU seconds. Every run is checked: the DLQ empty after
 * the export and the file holding N lines; the destination holding N after the import.
 */
final class FilePhase {

    static final int MESSAGES = Integer.getInteger("bench.fileMessages", 100_000);

    private record Row(String what, int messages, MeasuredProcess.Result r, long bytes) {
    }

    private final URI endpoint;
    private final Path launcher;
    private final Path work;
    private final List<Row> rows = new ArrayList<>();

    FilePhase(URI endpoint, Path launcher, Path work) {
        this.endpoint = endpoint;
        this.launcher = launcher;
        this.work = work;
    }

    FilePhase run() throws Exception {
        for (String name : List.of("dlq.ndjson", "dlq.ndjson.gz")) {
            try (BenchQueues q = new BenchQueues(endpoint, ElasticMq.REGION, "file" + rows.size())) {
                System.err.printf("bench: files: filling %d messages%n", MESSAGES);
                q.fill(MESSAGES, BenchQueues.Shape.KIB_WITH_ATTRIBUTES);
                Path file = work.resolve(rows.size() + "-" + name);
                Map<String, String> env = MoverProcess.env(endpoint, work);
                MeasuredProcess.Result export = measure(env, "start", q.dlq.url(), "--to", "file:" + file, "--yes",
                        "-o", "json");
                long lines = countLines(file);
                if (q.dlqDepth() != 0 || lines != MESSAGES) {
                    throw new IllegalStateException("export left " + q.dlqDepth() + " in the DLQ, " + lines
                            + " lines in " + file + ":\n" + export.stdout() + export.stderr());
                }
                rows.add(new Row("export to " + name, MESSAGES, export, Files.size(file)));
                MeasuredProcess.Result imported = measure(env, "start", "file:" + file, "--to", q.dest.url(),
                        "--yes", "-o", "json");
                if (q.destDepth() != MESSAGES) {
                    throw new IllegalStateException("import left " + q.destDepth() + " in the destination:\n"
                            + imported.stdout() + imported.stderr());
                }
                rows.add(new Row("import from " + name, MESSAGES, imported, Files.size(file)));
            }
        }
        return this;
    }

    private MeasuredProcess.Result measure(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        MeasuredProcess.Result r = MeasuredProcess.run(command, env, work, 30);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + r.exitCode() + ":\n" + r.stdout()
                    + r.stderr());
        }
        return r;
    }

    private static long countLines(Path file) throws IOException {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(file.toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file),
                java.nio.charset.StandardCharsets.UTF_8))) {
            return in.lines().count();
        }
    }

    void print(PrintStream out) {
        out.println("### Files as queues: " + MESSAGES + " messages of 1 KiB with 2 attributes");
        out.println();
        out.println("| run | msg/s (wall, start-up included) | wall s | peak RSS MiB | CPU s | file MiB |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            out.printf("| %s | %.0f | %.1f | %d | %.1f | %.1f |%n", row.what(), row.messages() / row.r().wallSeconds(),
                    row.r().wallSeconds(), row.r().peakRssKiB() / 1024, row.r().cpuSeconds(), row.bytes() / 1048576.0);
        }
    }
}
