package dev.sqsredrive.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.proxy.FaultProxy;

/**
 * The fastest redrive under real latency: every SQS call held {@code bench.latencyMillis} by a {@link DelayProxy},
 * and, in interleaved rounds, the raw loop, the mover and lumigo-cli's replay-sqs-dlq (where npm is present)
 * each at 4, 16 and 64 workers and the tools at their defaults. Every run moves the same messages (1 KiB, two
 * attributes) and is followed by a census: a redrive or raw run that loses, duplicates or alters a message stops
 * the benchmark; another tool's is reported.
 */
final class LatencyPhase {

    static final int MESSAGES = Integer.getInteger("bench.latencyMessages", 20_000);
    static final Duration DELAY = Duration.ofMillis(Long.getLong("bench.latencyMillis", 20));
    static final int ROUNDS = Integer.getInteger("bench.latencyRounds", Integer.getInteger("bench.rounds", 3));
    static final List<Integer> WORKERS = Arrays.stream(System.getProperty("bench.latencyConcurrency", "4,16,64")
            .split(",")).map(w -> Integer.valueOf(w.trim())).toList();
    private static final BenchQueues.Shape SHAPE = BenchQueues.Shape.KIB_WITH_ATTRIBUTES;

    private final URI endpoint;
    private final Path launcher;
    private final Path work;
    private final LatencyReport report = new LatencyReport();
    private int run;

    LatencyPhase(URI endpoint, Path launcher, Path work) {
        this.endpoint = endpoint;
        this.launcher = launcher;
        this.work = work;
    }

    LatencyReport run() throws Exception {
        LumigoCli lumigo = LumigoCli.install(work);
        try (FaultProxy proxy = DelayProxy.start(endpoint, DELAY)) {
            try (BenchQueues probe = new BenchQueues(endpoint, ElasticMq.REGION, "rtt")) {
                report.header(MESSAGES, SHAPE, DELAY, DelayProxy.medianRoundTrip(proxy, probe.dlq), ROUNDS,
                        lumigo == null ? "npm not found: lumigo-cli left out" : "lumigo-cli " + LumigoCli.VERSION);
            }
            List<Integer> withDefault = new ArrayList<>(WORKERS);
            withDefault.add(null);
            for (int round = 1; round <= ROUNDS; round++) {
                for (int workers : WORKERS) {
                    raw(proxy, workers);
                }
                for (Integer workers : withDefault) {
                    redrive(proxy, workers);
                }
                if (lumigo != null) {
                    for (Integer workers : withDefault) {
                        lumigo(lumigo, proxy, workers);
                    }
                }
            }
        }
        return report;
    }

    private void raw(FaultProxy proxy, int threads) throws Exception {
        measure(proxy, "raw SDK loop", String.valueOf(threads), threads, true, q -> {
            MeasuredProcess.Result r = MeasuredProcess.run(RawCeiling.command(proxy.endpoint(), q.dlq.url(),
                    q.dest.url(), threads, MESSAGES), Map.of(), work, 30);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("raw loop exited " + r.exitCode() + ":\n" + r.stderr());
            }
            return r;
        });
    }

    private void redrive(FaultProxy proxy, Integer concurrency) throws Exception {
        int workers = concurrency == null ? ClientOptions.MAX_CONCURRENCY : concurrency;
        measure(proxy, "redrive", label(concurrency, workers), workers, true, q -> {
            List<String> args = MoverBenchmark.moveArgs(q, null);
            if (concurrency != null) {
                args.addAll(List.of("--concurrency", String.valueOf(concurrency)));
            }
            MoverProcess.Result r = MoverProcess.run(launcher, MoverProcess.env(proxy.endpoint(), work), work, args);
            if (r.summary().moved() != MESSAGES) {
                throw new IllegalStateException("redrive reported " + r.summary().raw());
            }
            return new MeasuredProcess.Result(0, "", "", r.peakRssKiB(), r.wallSeconds(), r.cpuSeconds());
        });
    }

    private void lumigo(LumigoCli lumigo, FaultProxy proxy, Integer concurrency) throws Exception {
        int workers = concurrency == null ? LumigoCli.DEFAULT_CONCURRENCY : concurrency;
        measure(proxy, "lumigo-cli replay-sqs-dlq", label(concurrency, workers), workers, false,
                q -> MeasuredProcess.run(lumigo.replay(q.dlq.name(), q.dest.name(), ElasticMq.REGION, concurrency),
                        LumigoCli.env(proxy.endpoint()), work, 30));
    }

    private static String label(Integer concurrency, int workers) {
        return concurrency == null ? workers + " (default)" : String.valueOf(workers);
    }

    private interface Move {
        MeasuredProcess.Result on(BenchQueues q) throws Exception;
    }

    /**
     * One run: fresh queues, the move timed from outside by the destination's arrivals, then the census.
     *
     * @param mustBeExact whether a loss, duplicate or altered message (or a failed exit) stops the benchmark
     */
    private void measure(FaultProxy proxy, String tool, String concurrency, int workers, boolean mustBeExact,
                         Move move)
            throws Exception {
        System.err.printf("bench: latency run %d (%s, %s workers): filling %d messages%n", ++run, tool, concurrency,
                MESSAGES);
        try (BenchQueues q = new BenchQueues(endpoint, ElasticMq.REGION, "lat" + run)) {
            q.fill(MESSAGES, SHAPE);
            MeasuredProcess.Result r;
            double seconds;
            long arrived;
            try (ArrivalClock clock = new ArrivalClock(q::destDepth, MESSAGES)) {
                int sendsBefore = proxy.calls("SendMessageBatch");
                r = move.on(q);
                seconds = clock.seconds();
                arrived = clock.arrived();
                if (proxy.calls("SendMessageBatch") - sendsBefore < arrived / 10) {
                    throw new IllegalStateException(tool + " moved messages around the delay proxy"); // not timed
                }
            }
            BenchCensus census = BenchCensus.take(q, MESSAGES, SHAPE);
            if (mustBeExact && !census.clean()) {
                throw new IllegalStateException(tool + " at " + concurrency + ": " + census);
            }
            report.add(tool, concurrency, workers, arrived / seconds, r, census, MESSAGES);
        }
    }
}
