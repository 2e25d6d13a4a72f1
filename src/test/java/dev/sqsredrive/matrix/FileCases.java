package dev.sqsredrive.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The cases that go through a file: a DLQ exported to one (`start DLQ --to file:PATH`), or a file, made
 * beforehand by an unfaulted export, imported into a queue (`start file:PATH --to DEST`). The fault is
 * the proxy's, on the SQS side, or a SIGKILL of a real process followed by `start --resume`. Then, as an
 * operator would, the same command again while the run left work: an export with --append while the DLQ holds
 * messages, an import while it did not complete and the destination lacks messages. Counted by content: every
 * body in the file or the DLQ (export) or in the destination (import); no line that does not parse; FIFO
 * groups in order.
 */
final class FileCases {

    static final int MESSAGES = 50;
    private static final String RATE = "15";

    private FileCases() {
    }

    static MatrixRow run(MatrixCase c, Path stateDir) {
        boolean kill = c.kind() == FaultKind.SIGKILL_RESUME;
        int messages = kill ? ProcessCases.MESSAGES : MESSAGES;
        try (TestQueues queues = TestQueues.elasticMq(); FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint())) {
            Path dir = Files.createDirectories(stateDir.resolveSibling(stateDir.getFileName() + "-files"));
            TestQueues.Queue dlq = queues.create("dlq", c.fifo(), Map.of());
            List<String> bodies = queues.send(dlq, messages, "f" + c.id());
            Map<String, String> env = new HashMap<>(queues.env(stateDir));
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            Case run = new Case(c, queues, proxy, env, stateDir, new ArrayList<>(), new ArrayList<>());
            return c.via() == Via.EXPORT ? export(run, dlq, dir.resolve("export.ndjson"), bodies)
                    : importInto(run, dlq, dir, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a case carries through its runs. */
    private record Case(MatrixCase c, TestQueues queues, FaultProxy proxy, Map<String, String> env, Path stateDir,
                        List<RunResult> runs, List<String> notes) {

        /** The faulted run: a process killed at the case's point then resumed, or one run with the proxy's fault. */
        int faulted(String[] move, String slowed, java.util.function.IntSupplier progress, String unit) {
            if (c.kind() == FaultKind.SIGKILL_RESUME) {
                // variant 1: the SQS side answers slowly, widening the window a kill finds work half done in
                proxy.add(FaultRule.on(slowed, Fault.latency(Duration.ofMillis(c.variant() == 1 ? 800 : 0)), 1, 1,
                        10_000));
                String[] text = new String[move.length];
                System.arraycopy(move, 0, text, 0, move.length);
                text[text.length - 2] = "--rate"; // text output, so the handle is the first line; a rate to kill in
                text[text.length - 1] = RATE;
                int strikeAt = Math.min(c.strikeAt(), ProcessCases.MESSAGES - 10);
                String handle = ProcessCases.killWhen(env, stateDir, text, () -> progress.getAsInt() >= strikeAt,
                        () -> progress.getAsInt() + " " + unit, notes);
                runs.add(Redrive.run(env, "start", "--resume", handle, "-o", "json"));
                return 1;
            }
            FaultRule rule = FaultRule.on(c.operation(), ProxyCases.faultOf(c), c.first(), c.every(), c.times());
            proxy.add(rule);
            List<String> args = new ArrayList<>(List.of(move));
            args.addAll(ProxyCases.options(c));
            runs.add(Redrive.run(env, args.toArray(String[]::new)));
            proxy.remove(rule);
            return rule.injected();
        }

        long reported() {
            return runs.stream().mapToLong(r -> ProxyCases.summaryOf(r).map(MoverSummary::duplicatesPossible)
                    .orElse(0L)).sum();
        }

        String exits() {
            return String.join(",", runs.stream().map(r -> String.valueOf(r.exitCode())).toList());
        }
    }

    private static MatrixRow export(Case k, TestQueues.Queue dlq, Path file, List<String> bodies) {
        String[] move = {"start", dlq.name(), "--to", "file:" + file, "-o", "json"};
        int faults = k.faulted(move, "DeleteMessageBatch", () -> FileLines.read(file).size(), "lines");
        for (int again = 0; again < 2 && k.queues().depth(dlq) > 0; again++) {
            k.runs().add(Redrive.run(k.env(), "start", dlq.name(), "--to", "file:" + file, "--append", "-o", "json"));
        }
        FileLines lines = FileLines.read(file);
        Census census = Census.ofDestination(lines.counts(), k.queues(), dlq, Duration.ofSeconds(90));
        List<String> problems = new ArrayList<>(MatrixRow.check(k.c(), census.lost(bodies).size(),
                MatrixRow.duplicated(census), k.reported()));
        if (!lines.broken().isEmpty()) {
            problems.add(lines.broken().size() + " line(s) of the file that do not parse: " + lines.broken());
        }
        if (census.remaining() > 0) {
            problems.add(census.remaining() + " still in the DLQ after the re-runs");
        }
        problems.addAll(FileLines.orderBroken(lines.groups(), lines.bodies()));
        problems.addAll(summaries(k, census));
        return row(k, faults, bodies.size(), census, bodies, problems, "file " + lines.size() + " lines");
    }

    private static MatrixRow importInto(Case k, TestQueues.Queue dlq, Path dir, int messages) {
        TestQueues.Queue dest = k.queues().create("dest", k.c().fifo(), Map.of());
        Path file = dir.resolve("import.ndjson");
        // The file, made by an unfaulted export with a state directory of its own. Not --copy: on a FIFO DLQ a
        // copy reads only the first receive of each group (SQS returns no more of a group while those are
        // neither deleted nor visible again), so it ends INCOMPLETE with 30 of these 50 lines.
        RunResult made = Redrive.run(k.queues().env(dir.resolve("export-state")), "start", dlq.name(), "--to",
                "file:" + file, "-o", "json");
        List<String> bodies = FileLines.read(file).bodies();
        if (made.exitCode() != 0 || bodies.size() != messages) {
            throw new AssertionError("the file to import: " + bodies.size() + " lines of " + messages + "; " + made);
        }
        String[] move = {"start", "file:" + file, "--to", dest.name(), "-o", "json"};
        int faults = k.faulted(move, "SendMessageBatch", () -> (int) k.queues().depth(dest), "sent");
        for (int again = 0; again < 2 && last(k).exitCode() != 0 && k.queues().depth(dest) < messages; again++) {
            k.runs().add(Redrive.run(k.env(), move));
        }
        List<Message> arrived = k.queues().drain(dest);
        Census census = new Census(Census.count(arrived), Map.of());
        List<String> problems = new ArrayList<>(MatrixRow.check(k.c(), census.lost(bodies).size(),
                MatrixRow.duplicated(census), k.reported()));
        problems.addAll(FileLines.orderBroken(
                arrived.stream().map(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).toList(),
                arrived.stream().map(Message::body).toList()));
        problems.addAll(summaries(k, census));
        return row(k, faults, messages, census, bodies, problems, "imported from " + file);
    }

    /** The summaries against the census; not after a kill, whose run printed none of what it moved. */
    private static List<String> summaries(Case k, Census census) {
        return k.c().kind() == FaultKind.SIGKILL_RESUME ? List.of()
                : MatrixRow.checkSummaries(k.c(), k.runs(), census.delivered(), census.remaining());
    }

    private static RunResult last(Case k) {
        return k.runs().get(k.runs().size() - 1);
    }

    private static MatrixRow row(Case k, int faults, int messages, Census census, List<String> bodies,
                                 List<String> problems, String what) {
        return new MatrixRow(k.c(), faults, messages, census.delivered(), census.lost(bodies).size(),
                MatrixRow.duplicated(census), census.duplicates(), k.reported(), k.exits(), problems,
                what + "; " + census + "; " + k.notes() + "\n" + k.runs());
    }
}
