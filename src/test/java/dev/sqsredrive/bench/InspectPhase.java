package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.ElasticMq;

/**
 * `redrive inspect` at scale (issue "Triage"): a DLQ of N messages (1 KiB, two attributes) scanned as users run
 * it (dist/redrive), measured from outside: wall time, peak RSS (VmHWM), CPU seconds. Twice: grouped by default
 * (one group), and by {@code attr:seq}, a value per message, so that the groups counted apart hit their bound
 * and the rest is counted as "other". Every run is checked: every message seen, and all of them visible again: at once, but for those the scan said it could not release in time (ElasticMQ
 * changes a visibility slowly while many messages are in flight), which must come back within their 2 minutes.
 */
final class InspectPhase {

    static final int MESSAGES = Integer.getInteger("bench.inspectMessages", 100_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Row(String what, MeasuredProcess.Result r, long visibleAtOnce) {
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
                long atOnce = visible(q);
                System.err.printf("bench: inspect %s: %s; %d visible right after%n", grouping, summary, atOnce);
                if (summary == null || summary.get("seen").asLong() != MESSAGES
                        || atOnce + summary.get("notReleased").asLong() < MESSAGES) {
                    throw new IllegalStateException("inspect " + grouping + " exited " + r.exitCode() + ", " + atOnce
                            + " visible:\n" + r.stdout() + r.stderr());
                }
                // What the scan could not release comes back when its visibility runs out: all of it, none lost.
                Deadline.await(Duration.ofMinutes(4), () -> visible(q) == MESSAGES,
                        () -> visible(q) + " of " + MESSAGES + " visible again");
                rows.add(new Row(grouping.isEmpty() ? "inspect (by reason: 1 group)"
                        : "inspect --group-by attr:seq (" + MESSAGES + " values)", r, atOnce));
            }
        }
        return this;
    }

    /** Visible now, not in flight: what the release made visible (a depth would count hidden ones too). */
    private static long visible(BenchQueues q) {
        var a = q.queues().sqs().getQueueAttributes(r -> r.queueUrl(q.dlq.url()).attributeNames(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes();
        return Long.parseLong(a.get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    void print(PrintStream out) {
        out.println("### Inspect: " + MESSAGES + " messages of 1 KiB with 2 attributes");
        out.println();
        out.println("| run | msg/s (wall, start-up included) | wall s | peak RSS MiB | CPU s | visible at once |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            out.printf("| %s | %.0f | %.1f | %d | %.1f | %d |%n", row.what(), MESSAGES / row.r().wallSeconds(),
                    row.r().wallSeconds(), row.r().peakRssKiB() / 1024, row.r().cpuSeconds(), row.visibleAtOnce());
        }
    }
}
