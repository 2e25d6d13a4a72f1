package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sqsredrive.testing.ElasticMq;

/**
 * `redrive inspect` at scale (issue "Triage"): a DLQ of N messages (1 KiB, two attributes) scanned as users run
 * it (dist/redrive), measured from outside: wall time, peak RSS (VmHWM), CPU seconds. Twice: grouped by default
 * (one group), and by {@code attr:seq}, a value per message, so that the groups counted apart hit their bound
 * and the rest is counted as "other". Every run is checked: every message seen, and all of them visible again.
 */
final class InspectPhase {

    static final int MESSAGES = Integer.getInteger("bench.inspectMessages", 100_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Row(String what, MeasuredProcess.Result r) {
    }

    private final URI endpoint;
    private final Path launcher;
    private final Path work;
    private final List<Row> rows = new ArrayList<>();

    InspectPhase(URI endpoint, Path launcher, Path work) {
        this.endpoint = endpoint;
        this.launcher = launcher;
        this.work = work;
    }

    InspectPhase run() throws Exception {
        try (BenchQueues q = new BenchQueues(endpoint, ElasticMq.REGION, "inspect")) {
            System.err.printf("bench: inspect: filling %d messages%n", MESSAGES);
            q.fill(MESSAGES, BenchQueues.Shape.KIB_WITH_ATTRIBUTES);
            Map<String, String> env = MoverProcess.env(endpoint, work);
            for (List<String> grouping : List.of(List.<String>of(), List.of("--group-by", "attr:seq"))) {
                List<String> command = new ArrayList<>(List.of(launcher.toString(), "inspect", q.dlq.url(), "-o", "json"));
                command.addAll(grouping);
                MeasuredProcess.Result r = MeasuredProcess.run(command, env, work, 30);
                String[] lines = r.stdout().split("\n");
                JsonNode summary = r.exitCode() == 0 ? JSON.readTree(lines[lines.length - 1]) : null;
                long visible = q.queues().depth(q.dlq);
                if (summary == null || summary.get("seen").asLong() != MESSAGES || visible != MESSAGES) {
                    throw new IllegalStateException("inspect " + grouping + " exited " + r.exitCode() + ", the DLQ holds "
                            + visible + ":\n" + r.stdout() + r.stderr());
                }
                rows.add(new Row(grouping.isEmpty() ? "inspect (by reason: 1 group)"
                        : "inspect --group-by attr:seq (" + MESSAGES + " values)", r));
            }
        }
        return this;
    }

    void print(PrintStream out) {
        out.println("### Inspect: " + MESSAGES + " messages of 1 KiB with 2 attributes");
        out.println();
        out.println("| run | msg/s (wall, start-up included) | wall s | peak RSS MiB | CPU s |");
        out.println("|---|---:|---:|---:|---:|");
        for (Row row : rows) {
            out.printf("| %s | %.0f | %.1f | %d | %.1f |%n", row.what(), MESSAGES / row.r().wallSeconds(),
                    row.r().wallSeconds(), row.r().peakRssKiB() / 1024, row.r().cpuSeconds());
        }
    }
}
