package dev.sqsredrive.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JDK 25+ AOT caches shipped beside the jar (JEP 483/514): starts the demo's local server, then for
 * each workload of {@link dev.sqsredrive.cli.AotTraining} runs the packaged jar in a JVM started with
 * {@code -XX:AOTCacheOutput}, which trains on that run and writes the cache as it exits. Each JVM gets the
 * flags dist/redrive gives the commands that cache serves. On an older JDK there is nothing to build: the
 * launcher runs without a cache there.
 *
 * <p>Run by Maven at pre-integration-test: {@code AotCache JAR DIR [JAVA_HOME DIR]...}; for the JVM running it
 * and then for each further Java runtime (the archive's jlinked one), writes DIR/redrive.aot (commands that
 * call SQS), DIR/redrive-quick.aot (help, version, completion) and a training log beside each. A cache serves
 * only the runtime that made it, so each runtime gets its own, trained against one server.
 */
public final class AotCache {

    /** Workload name to the cache file and the launcher's JVM flags for it; keep in step with dist/redrive. */
    private static final Map<String, List<String>> FLAGS = Map.of(
            "full", List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m", "-Xmx1g", "-Xmn16m",
                    "-XX:SurvivorRatio=2"),
            "quick", List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

    /**
     * Messages the client-side mover moves in training: enough for its per-message and per-batch code to be
     * run, loaded and linked as a real move runs it (docs/PERFORMANCE.md, "The fixed cost of a run").
     */
    private static final int CLIENT_MOVES = 2000;
    /** Messages left for the native move task the training starts after the client-side move. */
    private static final int NATIVE_MOVES = 50;

    private AotCache() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Map<Path, Path> dirByJavaHome = new LinkedHashMap<>();
        dirByJavaHome.put(Path.of(System.getProperty("java.home")), Path.of(args[1]).toAbsolutePath());
        for (int i = 2; i + 1 < args.length; i += 2) {
            dirByJavaHome.put(Path.of(args[i]).toAbsolutePath(), Path.of(args[i + 1]).toAbsolutePath());
        }
        for (Path dir : dirByJavaHome.values()) {
            Files.createDirectories(dir);
            for (String workload : FLAGS.keySet()) {
                Files.deleteIfExists(cacheFile(dir, workload));
            }
        }
        if (Runtime.version().feature() < 25) {
            System.out.println("aot-cache: JDK " + Runtime.version() + " has no -XX:AOTCacheOutput (needs 25+); no cache built");
            System.exit(0);
        }
        DemoServer server = DemoServer.start(0);
        try {
            for (Map.Entry<Path, Path> runtime : dirByJavaHome.entrySet()) {
                train(jar, runtime.getKey(), runtime.getValue(), server);
            }
        } catch (RuntimeException | Error e) {
            // The server's threads outlive this one: without an exit, a failed training hangs the build.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void train(Path jar, Path javaHome, Path dir, DemoServer server) throws IOException, InterruptedException {
        // Each runtime's training moves messages: the client-side mover some, a native move task the rest.
        long missing = CLIENT_MOVES + NATIVE_MOVES - server.queues().depth(server.dlq());
        server.queues().deadLetter(server.orders(), server.dlq(), (int) Math.max(0, missing), "order");
        for (String workload : List.of("quick", "full")) {
            Path cache = cacheFile(dir, workload);
            Path log = dir.resolve("aot-training-" + workload + ".log");
            List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
                    "-XX:AOTCacheOutput=" + cache));
            command.addAll(FLAGS.get(workload));
            command.addAll(List.of("-cp", jar.toString(), "dev.sqsredrive.cli.AotTraining", workload,
                    server.dlq().name(), server.orders().name(), String.valueOf(CLIENT_MOVES)));
            ProcessBuilder training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            training.environment().putAll(server.env(Files.createTempDirectory("redrive-aot")));
            training.environment().remove("JAVA_TOOL_OPTIONS");
            int code = training.start().waitFor();
            if (code != 0 || !Files.isRegularFile(cache)) {
                System.err.println("aot-cache: training '" + workload + "' failed (exit " + code + "); see " + log);
                System.exit(1);
            }
            System.out.println("aot-cache: " + cache + " (" + Files.size(cache) / (1024 * 1024) + " MiB), log " + log);
        }
    }

    private static Path cacheFile(Path dir, String workload) {
        return dir.resolve(workload.equals("full") ? "redrive.aot" : "redrive-" + workload + ".aot");
    }
}
