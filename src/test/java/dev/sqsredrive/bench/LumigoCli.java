package dev.sqsredrive.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * lumigo-cli's {@code replay-sqs-dlq} (Node.js, aws-sdk v2), the redrive tool people reach for, installed with
 * npm into the benchmark's temporary folder. Its SDK has no endpoint option and sends each call to the host of
 * the queue URL, so a preload ({@code node --require}) sets the endpoint in the SDK's global config and keeps
 * the configured endpoint for every call, as the Java SDK does; it also stubs lumigo-cli's analytics client,
 * which would post every run to the internet (the version check, which runs npm, is off by SKIP_VERSION_CHECK).
 */
final class LumigoCli {

    static final String VERSION = System.getProperty("bench.lumigoVersion", "0.48.4");
    /** replay-sqs-dlq's --concurrency when none is given. */
    static final int DEFAULT_CONCURRENCY = 10;

    private static final String PRELOAD = """
            // Written by the redrive benchmark (LumigoCli.java): point aws-sdk v2 at the benchmark's proxy.
            const Module = require("module");
            const load = Module._load;
            Module._load = function (request) {
              if (request === "analytics-node") { // no call home from a benchmark on loopback
                return class { track() {} flush(done) { if (done) done(); } };
              }
              return load.apply(this, arguments);
            };
            const AWS = require("aws-sdk");
            AWS.config.update({ endpoint: process.env.BENCH_SQS_ENDPOINT });
            // v2 sends each SQS call to the queue URL's host; keep the configured endpoint instead
            AWS.SQS.prototype.buildEndpoint = function () {};
            """;

    private final Path home;

    private LumigoCli(Path home) {
        this.home = home;
    }

    /** Installs lumigo-cli under work, or returns null with the reason on stderr when npm is not there. */
    static LumigoCli install(Path work) throws Exception {
        Path home = Files.createDirectories(work.resolve("lumigo-cli"));
        List<String> npm = List.of("npm", "install", "--prefix", home.toString(), "--no-audit", "--no-fund",
                "--no-save", "--loglevel=error", "lumigo-cli@" + VERSION);
        Process p;
        try {
            p = new ProcessBuilder(npm).redirectErrorStream(true).redirectOutput(work.resolve("npm.log").toFile())
                    .start();
        } catch (IOException noNpm) {
            System.err.println("bench: npm not found: lumigo-cli's replay-sqs-dlq is left out of the latency phase");
            return null;
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("npm install lumigo-cli@" + VERSION + " failed: see "
                    + work.resolve("npm.log"));
        }
        Files.writeString(home.resolve("preload.js"), PRELOAD);
        return new LumigoCli(home);
    }

    /** The command line of one replay from dlq to target, at this concurrency (null: lumigo-cli's default). */
    List<String> replay(String dlq, String target, String region, Integer concurrency) {
        List<String> c = new ArrayList<>(List.of("node", "--require", home.resolve("preload.js").toString(),
                home.resolve("node_modules/lumigo-cli/bin/run").toString(), "replay-sqs-dlq", "--dlqQueueName", dlq,
                "--targetName", target, "--region", region));
        if (concurrency != null) {
            c.addAll(List.of("--concurrency", String.valueOf(concurrency)));
        }
        return c;
    }

    /** Its environment, against this endpoint. */
    static java.util.Map<String, String> env(URI endpoint) {
        return java.util.Map.of("BENCH_SQS_ENDPOINT", endpoint.toString(), "AWS_ACCESS_KEY_ID", "bench",
                "AWS_SECRET_ACCESS_KEY", "bench", "SKIP_VERSION_CHECK", "1");
    }
}
