package dev.sqsredrive.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.SendLog;

/**
 * The client-side mover's benchmark, in one run against a local ElasticMQ (started here): the raw ceiling,
 * the mover unthrottled, the mover at 10, 100 and 500 msg/s (measured on the wire by a pass-through
 * {@link FaultProxy}), the mover's peak RSS for 10k and 100k messages, and the mover against the raw loop and
 * lumigo-cli under a fixed per-call latency ({@link LatencyPhase}), and issue 20's targets ({@link LeanPhase}). Prints a Markdown report with a verdict per
 * target. Not a test: run it with {@code bench/run} (see docs/PERFORMANCE.md).
 */
public final class MoverBenchmark {

    /** Per throughput run: long enough that JIT warm-up and the final empty receive weigh little. */
    private static final int THROUGHPUT_MESSAGES = Integer.getInteger("bench.messages", 30_000);
    private static final int SMALL_MESSAGES = Integer.getInteger("bench.smallMessages", 10_000);
    private static final int LARGE_MESSAGES = Integer.getInteger("bench.largeMessages", 100_000);
    private static final String CEILING_THREADS = System.getProperty("bench.ceilingThreads", "4,8,16");
    /** Each rated run lasts about this long: long enough for ±2 % to mean something. */
    private static final int RATED_SECONDS = Integer.getInteger("bench.ratedSeconds", 20);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** Which parts to run (all by default), e.g. -Dbench.phases=rated while tuning the rate limiter. */
    private static final String PHASES = System.getProperty("bench.phases",
            "throughput,memory,rated,diagnosis,files,inspect,latency");
    /**
     * The memory pair is run again under each of these sets of extra JVM options (';' between sets), to find
     * where memory goes: by default, with the C2 compiler back on (the launcher runs C1 only), and with the heap
     * capped at 64 MiB (the part of the peak that is heap).
     */
    private static final String DIAGNOSIS = System.getProperty("bench.diagnosis",
            "-XX:TieredStopAtLevel=4;-Xmx64m");

    private final URI endpoint = ElasticMq.endpoint();
    private final Path launcher;
    private final Path work;
    private final BenchReport report = new BenchReport();
    private int phase;

    private MoverBenchmark(Path launcher, Path work) {
        this.launcher = launcher;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        // the proxies forward with HttpURLConnection, which keeps only 5 idle connections by default: with 64
        // calls in flight, most forwards would open a new connection to ElasticMQ, costing the shared CPU
        System.setProperty("http.maxConnections", "128");
        Path launcher = Path.of(args.length > 0 ? args[0] : "dist/redrive").toAbsolutePath();
        Path work = Files.createTempDirectory("redrive-bench-");
        MoverBenchmark bench = new MoverBenchmark(launcher, work);
        bench.report.header(Instant.now(), THROUGHPUT_MESSAGES, SMALL_MESSAGES, LARGE_MESSAGES);
        if (PHASES.contains("throughput")) {
            for (int round = 1; round <= ROUNDS; round++) { // interleaved, best of each: the machine is shared
                bench.ceiling();
                bench.unthrottled(THROUGHPUT_MESSAGES, null, null);
                bench.unthrottled(THROUGHPUT_MESSAGES, bench.minCeilingThreads(), null);
            }
        }
        if (PHASES.contains("memory")) {
            bench.unthrottled(SMALL_MESSAGES, null, null);
            bench.unthrottled(LARGE_MESSAGES, null, null);
        }
        if (PHASES.contains("rated")) {
            for (int rate : new int[] {10, 100, 500}) {
                bench.rated(rate);
            }
        }
        if (PHASES.contains("diagnosis")) {
            for (String options : DIAGNOSIS.split(";")) {
                bench.unthrottled(SMALL_MESSAGES, null, options.trim());
                bench.unthrottled(LARGE_MESSAGES, null, options.trim());
            }
        }
        if (PHASES.matches(".*(throughput|memory|rated|diagnosis).*")) {
            bench.report.print(System.out);
        }
        if (PHASES.contains("files")) {
            new FilePhase(bench.endpoint, launcher, work).run().print(System.out);
        }
        if (PHASES.contains("inspect")) {
            new InspectPhase(bench.endpoint, launcher, work).run().print(System.out);
        }
        if (PHASES.contains("latency")) {
            LatencyReport latency = new LatencyPhase(bench.endpoint, launcher, work).run();
            System.out.println();
            latency.print(System.out);
        }
        if (PHASES.contains("lean")) {
            new LeanPhase(bench.endpoint, launcher, work).run(System.out);
        }
        System.exit(0); // ElasticMQ's actor system keeps non-daemon threads
    }

    private int minCeilingThreads() {
        return java.util.Arrays.stream(CEILING_THREADS.split(",")).mapToInt(t -> Integer.parseInt(t.trim())).min()
                .orElse(4);
    }

    private void ceiling() throws Exception {
        for (String t : CEILING_THREADS.split(",")) {
            int threads = Integer.parseInt(t.trim());
            try (BenchQueues q = queues("ceiling" + threads, THROUGHPUT_MESSAGES);
                 ArrivalClock clock = new ArrivalClock(q::destDepth, THROUGHPUT_MESSAGES)) {
                Process p = new ProcessBuilder(RawCeiling.command(endpoint, q.dlq.url(), q.dest.url(), threads,
                        THROUGHPUT_MESSAGES)).inheritIO().start();
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("raw ceiling run failed");
                }
                report.ceiling(threads, THROUGHPUT_MESSAGES / clock.seconds());
            }
        }
    }

    /**
     * @param concurrency --concurrency, or null for the mover's default
     * @param jvmOptions  JVM options for the mover on top of the launcher's (REDRIVE_JAVA_OPTS, which come after
     *                    them and so win), or null for the launcher's own
     */
    private void unthrottled(int messages, Integer concurrency, String jvmOptions) throws Exception {
        try (BenchQueues q = queues("free" + messages, messages);
             ArrivalClock clock = new ArrivalClock(q::destDepth, messages)) {
            Map<String, String> env = MoverProcess.env(endpoint, work);
            if (jvmOptions != null) {
                env.put("REDRIVE_JAVA_OPTS", jvmOptions);
            }
            List<String> args = moveArgs(q, null);
            if (concurrency != null) {
                args.addAll(List.of("--concurrency", String.valueOf(concurrency)));
            }
            MoverProcess.Result r = MoverProcess.run(launcher, env, work, args);
            check(q, r, messages);
            report.unthrottled(messages, concurrency, jvmOptions, messages / clock.seconds(), r);
        }
    }

    private void rated(int rate) throws Exception {
        int messages = rate * RATED_SECONDS;
        try (BenchQueues q = queues("rate" + rate, messages); FaultProxy wire = FaultProxy.start(endpoint)) {
            MoverProcess.Result r = MoverProcess.run(launcher, MoverProcess.env(wire.endpoint(), work), work,
                    moveArgs(q, rate));
            check(q, r, messages);
            SendLog sends = wire.sends();
            report.rated(rate, messages, sends, r);
        }
    }

    private static void check(BenchQueues q, MoverProcess.Result r, int messages) {
        if (q.destDepth() != messages || q.dlqDepth() != 0 || r.summary().moved() != messages) {
            throw new IllegalStateException("mover left destination " + q.destDepth() + ", DLQ " + q.dlqDepth()
                    + ", reported " + r.summary().raw());
        }
    }

    private BenchQueues queues(String name, int messages) throws Exception {
        System.err.printf("bench: phase %d (%s): filling %d messages%n", ++phase, name, messages);
        BenchQueues q = new BenchQueues(endpoint, ElasticMq.REGION, name);
        q.fill(messages);
        return q;
    }

    static List<String> moveArgs(BenchQueues q, Integer rate) {
        List<String> args = new ArrayList<>(List.of("start", q.dlq.name(), "--mode", "client", "--to", q.dest.name(),
                "-o", "json"));
        if (rate != null) {
            args.addAll(List.of("--rate", String.valueOf(rate)));
        }
        return args;
    }
}
