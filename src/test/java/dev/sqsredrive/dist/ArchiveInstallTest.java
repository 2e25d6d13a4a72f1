package dev.sqsredrive.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import dev.sqsredrive.testing.Processes;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive without a runtime installs by unpacking: bin/redrive runs from wherever it was unpacked, with the
 * JDK the build ran on, and uses the AOT cache when that JDK can, silently without it when not. Runs after
 * packaging (the 'archive' execution in pom.xml), on the archive `./mvnw verify` just built into dist/; the
 * self-contained archive has its own test, RuntimeArchiveTest.
 */
class ArchiveInstallTest {

    private static final Path ARCHIVE = Path.of(System.getProperty("dist.archive", "dist/missing.tar.gz"));

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpack() {
        assertThat(ARCHIVE).as("the archive built by ./mvnw verify").isRegularFile();
        RunResult tar = Processes.run(unpacked, Map.of(), List.of("tar", "xzf", ARCHIVE.toAbsolutePath().toString()));
        assertThat(tar.exitCode()).as(tar.toString()).isZero();
        home = unpacked.resolve("sqs-redrive-" + System.getProperty("dist.version", "missing"));
    }

    @Test
    void holdsLauncherJarCompletionsManPageAndLicense() throws IOException {
        assertThat(home.resolve("bin/redrive")).isExecutable();
        assertThat(Files.readString(home.resolve("bin/redrive.cmd"))).as("the Windows launcher, with DOS line ends")
                .startsWith("@echo off\r\n");
        assertThat(home.resolve("runtime")).as("only the self-contained archive carries a runtime").doesNotExist();
        assertThat(home.resolve("lib/sqs-redrive.jar")).isRegularFile();
        if (Runtime.version().feature() >= 25) {
            assertThat(home.resolve("lib/redrive.aot")).isRegularFile();
            assertThat(home.resolve("lib/redrive-quick.aot")).isRegularFile();
        }
        assertThat(home.resolve("man/man1/redrive.1")).isRegularFile();
        assertThat(home.resolve("completions/redrive.bash")).hasSameTextualContentAs(Path.of("completions/redrive.bash"));
        assertThat(home.resolve("completions/redrive.zsh")).isRegularFile();
        assertThat(home.resolve("completions/redrive.fish")).isRegularFile();
        assertThat(Files.readString(home.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(home.resolve("README.md")).hasSameTextualContentAs(Path.of("README.md"));
        assertThat(home.resolve("docs/REFERENCE.md")).hasSameTextualContentAs(Path.of("docs/REFERENCE.md"));
        assertThat(home.resolve("docs/MOVER.md")).as("the pages README links to").isRegularFile();

        Path zip = Path.of(ARCHIVE.toString().replaceAll("\\.tar\\.gz$", ".zip"));
        try (ZipFile z = new ZipFile(zip.toFile()); Stream<Path> files = Files.walk(home)) {
            List<String> inZip = z.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).sorted().toList();
            List<String> inTar = files.filter(Files::isRegularFile).map(p -> unpacked.relativize(p).toString()).sorted().toList();
            assertThat(inZip).isEqualTo(inTar);
        }
    }

    @Test
    void runsVersionStartAndListAgainstALocalServer() {
        try (TestQueues queues = TestQueues.elasticMq()) {
            TestQueues.Queue dlq = queues.create("orders-dlq");
            TestQueues.Queue orders = queues.createSourceOf("orders", dlq, false);
            queues.deadLetter(orders, dlq, 5, "installed");

            RunResult version = launch(queues.env(unpacked), "--version");
            assertThat(version.exitCode()).as(version.toString()).isZero();
            assertThat(version.out()).startsWith("sqs-redrive " + home.getFileName().toString().substring("sqs-redrive-".length()));
            assertThat(version.err()).isEmpty();

            RunResult start = launch(queues.env(unpacked), "start", dlq.name());
            assertThat(start.exitCode()).as(start.toString()).isZero();
            String handle = start.out().strip();

            RunResult list = launch(queues.env(unpacked), "list", "-o", "json");
            assertThat(list.exitCode()).as(list.toString()).isZero();
            // Without a queue: one line per DLQ, with its latest task.
            assertThat(list.out()).contains("\"queueArn\":\"" + dlq.arn() + "\"", "\"taskHandle\":\"" + handle + "\"");
            assertThat(list.err()).isEmpty();
        }
    }

    @Test
    void theJvmThatBuiltTheArchiveAcceptsBothAotCaches() {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
        // -XX:AOTMode=on makes a cache that cannot be used an error instead of a silent fallback.
        for (String cache : List.of("redrive.aot", "redrive-quick.aot")) {
            RunResult run = Processes.run(home, Map.of(), List.of(java(), "-XX:AOTMode=on",
                    "-XX:AOTCache=" + home.resolve("lib").resolve(cache), "-XX:+UseSerialGC",
                    "-jar", home.resolve("lib/sqs-redrive.jar").toString(), "--version"));

            assertThat(run.exitCode()).as(cache + "\n" + run).isZero();
        }
    }

    /** Guards start-up without timing it: --help must find picocli and our commands in the quick cache. */
    @Test
    void helpLoadsNoClassFromTheJarWithTheQuickCache() {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
        RunResult run = Processes.run(home, Map.of(), List.of(java(), "-Xlog:class+load", "-XX:TieredStopAtLevel=1",
                "-XX:AOTCache=" + home.resolve("lib/redrive-quick.aot"), "-XX:+UseSerialGC",
                "-jar", home.resolve("lib/sqs-redrive.jar").toString(), "--help"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // picocli ships Java 5 classes, which an AOT cache skips unless the build upgraded them (UpgradeOldClasses).
        assertThat(run.out().lines().filter(l -> l.contains("source: file:") || l.contains("source: jar:")))
                .as("classes --help read from the jar instead of the AOT cache").isEmpty();
    }

    /**
     * Guards the fixed CPU cost of a client-side move without timing it: the full cache must hold the mover's
     * classes, so the cache has to be trained on a real client-side move (docs/PERFORMANCE.md, "The fixed cost
     * of a run").
     */
    @Test
    void aClientSideMoveLoadsNoClassOfOursFromTheJarWithTheFullCache() {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
        try (TestQueues queues = TestQueues.elasticMq()) {
            TestQueues.Queue dlq = queues.create("cached-dlq");
            TestQueues.Queue orders = queues.createSourceOf("cached", dlq, false);
            queues.deadLetter(orders, dlq, 30, "cached");
            Map<String, String> env = new HashMap<>(queues.env(unpacked));
            env.put("REDRIVE_JAVA_OPTS", "-Xlog:class+load");

            RunResult move = launch(env, "start", dlq.name(), "--mode", "client", "--to", orders.name(), "-o", "json");

            assertThat(move.exitCode()).as(move.toString()).isZero();
            assertThat(move.out()).as(move.toString()).contains("\"moved\":30,");
            assertThat(move.out().lines().filter(l -> l.contains(" dev.sqsredrive.")
                    && (l.contains("source: file:") || l.contains("source: jar:"))))
                    .as("classes of ours a client-side move read from the jar instead of the AOT cache").isEmpty();
        }
    }

    /**
     * C1 compiles earlier in start, for a client-side move's warm-up (docs/PERFORMANCE.md, "The fixed cost of a
     * run"), not in list or help, with or without the AOT cache; an operator's own setting wins.
     */
    @Test
    void startCompilesEarlierUnlessTheOperatorSaysOtherwise() {
        for (String aot : List.of("on", "off")) {
            Map<String, String> env = new HashMap<>(Map.of("REDRIVE_AOT", aot,
                    "REDRIVE_JAVA_OPTS", "-XX:+PrintFlagsFinal"));
            // Each command line stops at its bad option, after the JVM printed its flags.
            assertThat(compileThresholdScaling(launch(env, "start", "orders-dlq", "--bogus"))).as("start, AOT " + aot)
                    .isEqualTo("0.250000");
            assertThat(compileThresholdScaling(launch(env, "start", "--help"))).as("start --help, AOT " + aot)
                    .isEqualTo("1.000000");
            assertThat(compileThresholdScaling(launch(env, "list", "orders-dlq", "--max", "0"))).as("list, AOT " + aot)
                    .isEqualTo("1.000000");
            env.put("REDRIVE_JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:CompileThresholdScaling=1");
            assertThat(compileThresholdScaling(launch(env, "start", "orders-dlq", "--bogus"))).as("start, own, AOT " + aot)
                    .isEqualTo("1.000000");
        }
    }

    private static String compileThresholdScaling(RunResult run) {
        return run.out().lines().filter(l -> l.contains(" CompileThresholdScaling "))
                .map(l -> l.split("=")[1].trim().split(" ")[0])
                .findFirst().orElseThrow(() -> new AssertionError("no CompileThresholdScaling in " + run));
    }

    @Test
    void aCacheThatDoesNotMatchIsIgnoredSilently(@TempDir Path copy) throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
        for (String file : List.of("bin/redrive", "lib/sqs-redrive.jar", "lib/redrive.aot", "lib/redrive-quick.aot")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(home.resolve(file), copy.resolve(file), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        // A jar that is not the one the cache was made for (as after a rebuild): the JVM refuses the cache.
        Files.setLastModifiedTime(copy.resolve("lib/sqs-redrive.jar"), FileTime.fromMillis(0));

        for (String args : List.of("--version", "list orders-dlq --max 0")) { // one command per cache
            List<String> command = new ArrayList<>(List.of(copy.resolve("bin/redrive").toString()));
            command.addAll(List.of(args.split(" ")));
            RunResult run = Processes.run(copy, Map.of("JAVA_HOME", System.getProperty("java.home")), command);

            assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("aot", "AOT", "warning", "cds");
            if (args.equals("--version")) {
                assertThat(run.exitCode()).as(run.toString()).isZero();
                assertThat(run.err()).as(run.toString()).isEmpty();
            } else {
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
                assertThat(run.err()).as(run.toString()).isEqualTo("redrive: --max 0 is out of range: 1 to 10\n");
            }
        }
    }

    /** The launcher's heap flags and an operator's own (REDRIVE_JAVA_OPTS) together must still start the JVM. */
    @Test
    void heapOptionsOfTheOperatorsOwnStillStartTheJvm() {
        // -Xms16m beside the launcher's -Xmn16m stopped the JVM ("Unable to use AOT cache"); -Xmx4g is README's.
        for (String opts : List.of("-Xms16m", "-Xmx4g", "-Xmn8m", "-Xms64m -Xmx256m")) {
            RunResult run = Processes.run(home, Map.of("JAVA_HOME", System.getProperty("java.home"),
                    "REDRIVE_JAVA_OPTS", opts), List.of(home.resolve("bin/redrive").toString(), "list", "orders-dlq",
                    "--max", "0"));

            assertThat(run.exitCode()).as(opts + "\n" + run).isEqualTo(2);
            assertThat(run.err()).as(opts + "\n" + run).isEqualTo("redrive: --max 0 is out of range: 1 to 10\n");
        }
    }

    private static RunResult launch(Map<String, String> env, String... args) {
        Map<String, String> withJava = new HashMap<>(env);
        withJava.put("JAVA_HOME", System.getProperty("java.home"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/redrive").toString()));
        command.addAll(List.of(args));
        return Processes.run(home, withJava, command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
