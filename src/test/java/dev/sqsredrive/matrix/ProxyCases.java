package dev.sqsredrive.matrix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/**
 * The cases whose fault the proxy injects: `redrive start` run in this JVM through the real CommandLine, with
 * its endpoint on the proxy. When the faulted run leaves messages in the DLQ, the faults are lifted and the same
 * command is run again (what an operator does), before every message is counted.
 */
final class ProxyCases {

    static final int MESSAGES = 50;
    /** Past the mover's 30 s visibility timeout (MoverConfig.DEFAULT_VISIBILITY). */
    private static final Duration PAST_VISIBILITY = Duration.ofSeconds(31);

    private ProxyCases() {
    }

    static Fault faultOf(MatrixCase c) {
        int entries = 1 + c.variant() * 2;
        return switch (c.kind()) {
            case HTTP_500 -> Fault.serverError(500);
            case HTTP_503 -> Fault.serverError(503);
            case THROTTLED_JSON -> Fault.throttle("RequestThrottled", false);
            case THROTTLED_XML -> Fault.throttle("RequestThrottled", true);
            case KMS_THROTTLED_JSON -> Fault.throttle("KMS.ThrottlingException", false);
            case KMS_THROTTLED_XML -> Fault.throttle("KMS.ThrottlingException", true);
            case RESET_BEFORE -> Fault.resetBeforeForward();
            case RESET_AFTER -> Fault.resetAfterForward();
            case LATENCY_PAST_VISIBILITY -> Fault.latency(PAST_VISIBILITY);
            case STALL -> Fault.stall();
            case PARTIAL_SENDER -> Fault.failEntries(entries, true);
            case PARTIAL_RECEIVER -> Fault.failEntries(entries, false);
            case PARTIAL_STORED -> Fault.storedButFailed(entries);
            default -> throw new IllegalArgumentException(c.kind() + " is not a proxy fault");
        };
    }

    /** Options a case adds to `start`: a short call timeout for a stall; for latency, one the answer beats. */
    static List<String> options(MatrixCase c) {
        return switch (c.kind()) {
            case STALL -> List.of("--cli-read-timeout", "2");
            case LATENCY_PAST_VISIBILITY -> c.variant() == 1 ? List.of("--cli-read-timeout", "45") : List.of();
            default -> List.of();
        };
    }

    static MatrixRow client(MatrixCase c, Path stateDir) {
        try (TestQueues queues = TestQueues.elasticMq(); FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint())) {
            TestQueues.Queue dlq = queues.create("dlq", c.fifo(), Map.of());
            TestQueues.Queue dest = queues.createSourceOf("dest", dlq, c.fifo());
            List<String> bodies = queues.send(dlq, MESSAGES, "m" + c.id());
            FaultRule rule = FaultRule.on(c.operation(), faultOf(c), c.first(), c.every(), c.times());
            proxy.add(rule);
            Map<String, String> env = new HashMap<>(queues.env(stateDir));
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            List<String> args = new ArrayList<>(List.of("start", dlq.name(), "--mode", "client", "--to", dest.name(),
                    "-o", "json"));
            args.addAll(options(c));

            List<RunResult> runs = new ArrayList<>();
            runs.add(Redrive.run(env, args.toArray(String[]::new)));
            proxy.remove(rule);
            for (int again = 0; again < 2 && queues.depth(dlq) > 0; again++) {
                runs.add(Redrive.run(env, "start", dlq.name(), "--mode", "client", "--to", dest.name(), "-o", "json"));
            }
            long reported = 0;
            StringBuilder exits = new StringBuilder();
            for (RunResult r : runs) {
                exits.append(exits.isEmpty() ? "" : ",").append(r.exitCode());
                reported += summaryOf(r).map(MoverSummary::duplicatesPossible).orElse(0L);
            }
            Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(90));
            List<String> problems = new ArrayList<>(MatrixRow.check(c, census.lost(bodies).size(),
                    MatrixRow.duplicated(census), reported));
            if (census.remaining() > 0) {
                problems.add(census.remaining() + " still in the DLQ after the re-runs");
            }
            problems.addAll(MatrixRow.checkSummaries(c, runs, census.delivered(), census.remaining()));
            return new MatrixRow(c, rule.injected(), MESSAGES, census.delivered(), census.lost(bodies).size(),
                    MatrixRow.duplicated(census), census.duplicates(), reported, exits.toString(), problems,
                    census + "\n" + runs);
        }
    }

    /**
     * A native start and watch with the tool's own calls broken. The task must have started once, and then
     * moved everything, or the tool must have said it failed; either way nothing is lost.
     */
    static MatrixRow nativeTask(MatrixCase c, Path stateDir) {
        try (TestQueues queues = TestQueues.elasticMq(); FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint())) {
            TestQueues.Queue dlq = queues.create("dlq");
            TestQueues.Queue origin = queues.createSourceOf("origin", dlq, false);
            List<String> bodies = queues.send(dlq, MESSAGES, "n" + c.id());
            FaultRule rule = FaultRule.on(c.operation(), faultOf(c), c.first(), c.every(), c.times());
            proxy.add(rule);
            Map<String, String> env = new HashMap<>(queues.env(stateDir));
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());

            RunResult run = Redrive.run(env, "start", dlq.name(), "--mode", "native", "--yes", "--watch",
                    "--interval", "1s", "--timeout", "60s", "-o", "json");
            List<ListMessageMoveTasksResultEntry> tasks = queues.sqs()
                    .listMessageMoveTasks(r -> r.sourceArn(dlq.arn()).maxResults(10)).results();
            // ElasticMQ moves in the background: count only once no task is running
            Deadline.await(Duration.ofSeconds(60), () -> queues.sqs()
                    .listMessageMoveTasks(r -> r.sourceArn(dlq.arn()).maxResults(10)).results().stream()
                    .noneMatch(t -> t.status().equals("RUNNING")), () -> "the native task to end");
            Census census = Census.take(queues, dlq, origin, Duration.ofSeconds(30));
            List<String> problems = new ArrayList<>(MatrixRow.check(c, census.lost(bodies).size(),
                    MatrixRow.duplicated(census), 0));
            if (tasks.size() > 1) {
                problems.add(tasks.size() + " tasks started");
            }
            if (run.exitCode() == 0 && (tasks.size() != 1 || census.delivered() != MESSAGES)) {
                problems.add("exit 0 with " + tasks.size() + " task(s) and " + census.delivered() + " moved");
            }
            if (run.exitCode() != 0 && !run.err().contains("redrive:")) {
                problems.add("exit " + run.exitCode() + " without saying why");
            }
            return new MatrixRow(c, rule.injected(), MESSAGES, census.delivered(), census.lost(bodies).size(),
                    MatrixRow.duplicated(census), census.duplicates(), 0, String.valueOf(run.exitCode()), problems,
                    census + "; tasks " + tasks + "\n" + run);
        }
    }

    /** The run's summary, when it printed one (a run refused before moving prints none). */
    static java.util.Optional<MoverSummary> summaryOf(RunResult run) {
        try {
            return java.util.Optional.of(MoverSummary.of(run));
        } catch (AssertionError | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
