package dev.sqsredrive.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.proxy.FaultProxy;

/**
 * Issue 20's targets in one run against lumigo-cli ({@code -Dbench.phases=lean}): the rows {@link LeanRun#plan}
 * lists, in interleaved rounds, unthrottled straight to ElasticMQ and under each added delay through a
 * {@link DelayProxy}; a census after every run; then the table ({@link LeanReport}) and the verdicts
 * ({@link LeanVerdicts}). The rate targets are the {@code rated} phase's, run beside it.
 */
final class LeanPhase {

    private static final LeanRun.Knobs KNOBS = new LeanRun.Knobs(
            Integer.getInteger("bench.leanMessages", 20_000),
            Integer.getInteger("bench.leanSmallMessages", 10_000),
            Integer.getInteger("bench.leanLargeMessages", 100_000),
            ints("bench.leanDelays", "20,60"),
            ints("bench.leanConcurrency", "16,64,128"),
            ints("bench.leanLumigoConcurrency", "16,64"),
            !Boolean.getBoolean("bench.leanWithoutLumigo"));
    private static final int ROUNDS = Integer.getInteger("bench.leanRounds", Integer.getInteger("bench.rounds", 2));
    private static final BenchQueues.Shape SHAPE = BenchQueues.Shape.KIB_WITH_ATTRIBUTES;

    private final URI endpoint;
    private final Path launcher;
    private final Path work;
    private final LeanReport report = new LeanReport();
    private int run;

    LeanPhase(URI endpoint, Path launcher, Path work) {
        this.endpoint = endpoint;
        this.launcher = launcher;
        this.work = work;
    }

    void run(PrintStream out) throws Exception {
        Instant started = Instant.now();
        LumigoCli lumigo = KNOBS.lumigo() ? LumigoCli.install(work) : null;
        LeanRun.Knobs knobs = lumigo == null ? withoutLumigo(KNOBS) : KNOBS;
        List<LeanRun> plan = LeanRun.plan(knobs);
        LeanTools tools = new LeanTools(launcher, work, lumigo);
        Map<Integer, FaultProxy> proxies = new LinkedHashMap<>();
        try {
            for (int delay : knobs.delays()) {
                proxies.put(delay, DelayProxy.start(endpoint, Duration.ofMillis(delay)));
            }
            header(knobs, proxies, lumigo, plan.size(), started);
            for (int round = 1; round <= ROUNDS; round++) {
                for (LeanRun r : plan) {
                    measure(r, proxies.get(r.delayMillis()), tools, round);
                }
            }
        } finally {
            proxies.values().forEach(FaultProxy::close);
        }
        out.println();
        report.print(out, started);
        new LeanVerdicts(report, knobs).print(out);
    }

    private void header(LeanRun.Knobs k, Map<Integer, FaultProxy> proxies, LumigoCli lumigo, int runs,
                        Instant started) {
        StringBuilder rtt = new StringBuilder();
        try (BenchQueues probe = new BenchQueues(endpoint, ElasticMq.REGION, "lean-rtt")) {
            rtt.append(String.format(Locale.ROOT, "0 ms: %.1f ms", DelayProxy.medianRoundTrip(endpoint, probe.dlq)
                    * 1000));
            proxies.forEach((delay, proxy) -> rtt.append(String.format(Locale.ROOT, ", +%d ms: %.1f ms", delay,
                    DelayProxy.medianRoundTrip(proxy.endpoint(), probe.dlq) * 1000)));
        }
        report.header(String.format(Locale.ROOT, "Lean phase (issue 20), %s, commit %s, %d cores, load average %s."
                        + " Median round trip of a call (21 GetQueueAttributes) per added delay: %s. Messages of"
                        + " %d bytes%s; %d rows × %d interleaved round(s), medians; unthrottled rows straight to"
                        + " ElasticMQ, delayed rows through the delay proxy; %s.", started, Commit.describe(),
                Runtime.getRuntime().availableProcessors(), LoadAverage.now(), rtt, SHAPE.bodyBytes(),
                SHAPE.attributes() ? " with 2 attributes (String, Number)" : "", runs, ROUNDS,
                lumigo == null ? "lumigo-cli left out" : "lumigo-cli " + LumigoCli.VERSION + " (its default"
                        + " --concurrency is " + LumigoCli.DEFAULT_CONCURRENCY + ")"));
    }

    /** One run: fresh queues, the move timed from outside by the destination's arrivals, then the census. */
    private void measure(LeanRun r, FaultProxy proxy, LeanTools tools, int round) throws Exception {
        System.err.printf("bench: lean run %d (round %d: %s at %s, +%d ms): filling %d messages%n", ++run, round,
                r.tool(), r.setting(), r.delayMillis(), r.messages());
        try (BenchQueues q = new BenchQueues(endpoint, ElasticMq.REGION, "lean" + run)) {
            q.fill(r.messages(), SHAPE);
            report.loadNow();
            LeanTools.Outcome outcome;
            double seconds;
            long arrived;
            try (ArrivalClock clock = new ArrivalClock(q::destDepth, r.messages())) {
                int sendsBefore = proxy == null ? 0 : proxy.calls("SendMessageBatch");
                outcome = tools.move(r, q, proxy == null ? endpoint : proxy.endpoint());
                if (outcome.refused() != null) {
                    report.refused(r, outcome.refused());
                    return;
                }
                seconds = clock.seconds();
                arrived = clock.arrived();
                if (proxy != null && proxy.calls("SendMessageBatch") - sendsBefore < arrived / 10) {
                    throw new IllegalStateException(r.tool() + " moved messages around the delay proxy");
                }
            }
            BenchCensus census = BenchCensus.take(q, r.messages(), SHAPE);
            if (LeanRun.REDRIVE.equals(r.tool()) && !census.clean()) {
                throw new IllegalStateException(r + ": " + census);
            }
            report.add(r, arrived / seconds, outcome.process(), census, outcome.reported());
        }
    }

    private static LeanRun.Knobs withoutLumigo(LeanRun.Knobs k) {
        return new LeanRun.Knobs(k.messages(), k.smallMessages(), k.largeMessages(), k.delays(), k.redriveSettings(),
                List.of(), false);
    }

    private static List<Integer> ints(String property, String defaults) {
        String v = System.getProperty(property, defaults).strip();
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(s -> Integer.valueOf(s.strip())).toList();
    }
}
