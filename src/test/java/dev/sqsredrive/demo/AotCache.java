package dev.sqsredrive.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the JDK 25+ AOT cache shipped beside the jar (JEP 483/514): starts the demo's local server, then
 * runs {@link dev.sqsredrive.cli.AotTraining} on the packaged jar in a JVM started with
 * {@code -XX:AOTCacheOutput}, which trains on that run and writes the cache as it exits. The JVM flags are
 * the launcher's (a cache is only used under the flags and class path it was made with). On an older JDK
 * there is nothing to build: the launcher runs without a cache there.
 *
 * <p>Run by Maven at pre-integration-test: {@code AotCache JAR CACHE LOG}.
 */
public final class AotCache {

    /** Flags dist/redrive starts the JVM with; keep in step with it. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC");

    private AotCache() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path cache = Path.of(args[1]).toAbsolutePath();
        Path log = Path.of(args[2]).toAbsolutePath();
        Files.deleteIfExists(cache);
        if (Runtime.version().feature() < 25) {
            System.out.println("aot-cache: JDK " + Runtime.version() + " has no -XX:AOTCacheOutput (needs 25+); no cache built");
            System.exit(0);
        }
        DemoServer server = DemoServer.start(50);
        Path state = Files.createTempDirectory("redrive-aot");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:AOTCacheOutput=" + cache));
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(List.of("-cp", jar.toString(), "dev.sqsredrive.cli.AotTraining", server.dlq().name()));
        ProcessBuilder training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        training.environment().putAll(server.env(state));
        training.environment().remove("JAVA_TOOL_OPTIONS");
        int code = training.start().waitFor();
        if (code != 0 || !Files.isRegularFile(cache)) {
            System.err.println("aot-cache: training failed (exit " + code + "); see " + log);
            System.exit(1);
        }
        System.out.println("aot-cache: " + cache + " (" + Files.size(cache) / (1024 * 1024) + " MiB), trained on "
                + server.dlq().name() + "; log " + log);
        System.exit(0);
    }
}
