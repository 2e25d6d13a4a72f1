package dev.sqsredrive.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.sqsredrive.testing.Processes;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained archive installs on a machine without a usable Java: unpacked into an empty folder, its
 * bin/redrive runs on the archive's own jlinked runtime with JAVA_HOME unset and a PATH whose only java is a
 * Java 17 (none where the machine has no 17). Runs after packaging (the 'archive' execution in pom.xml), on
 * the archive `./mvnw verify` just built into dist/.
 */
class RuntimeArchiveTest {

    private static final Path ARCHIVE = Path.of(System.getProperty("dist.runtime.archive", "dist/missing.tar.gz"));
    private static final String VERSION = System.getProperty("dist.version", "missing");

    @TempDir
    static Path empty;

    @TempDir
    static Path path;

    private static Path home;
    private static Map<String, String> noJava;

    @BeforeAll
    static void unpackIntoAnEmptyFolder() throws IOException {
        assertThat(ARCHIVE).as("the archive built by ./mvnw verify").isRegularFile();
        RunResult tar = Processes.run(empty, Map.of(), List.of("tar", "xzf", ARCHIVE.toAbsolutePath().toString()));
        assertThat(tar.exitCode()).as(tar.toString()).isZero();
        home = empty.resolve("sqs-redrive-" + VERSION).toRealPath();

        // The PATH: the few programs the launcher itself calls, and a java older than 21 if there is one.
        for (String program : List.of("env", "sh", "dirname", "readlink", "sed", "awk")) {
            Files.createSymbolicLink(path.resolve(program), onThisPath(program));
        }
        Optional<Path> java17 = javaOfMajor(17);
        if (java17.isPresent()) {
            Files.createSymbolicLink(path.resolve("java"), java17.get());
        }
        noJava = Map.of("PATH", path.toString(), "HOME", empty.toString());
    }

    @Test
    void holdsAStrippedRuntimeOfTheModulesJdepsFound() throws IOException {
        Path runtime = home.resolve("runtime");
        assertThat(runtime.resolve("bin/java")).isExecutable();
        assertThat(runtime.resolve("lib/jspawnhelper")).as("needed to start processes").isExecutable();
        assertThat(runtime.resolve("include")).as("jlink --no-header-files").doesNotExist();
        assertThat(runtime.resolve("man")).as("jlink --no-man-pages").doesNotExist();
        String modules = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        assertThat(modules).contains("java.base", "java.sql", "jdk.unsupported").doesNotContain("java.desktop", "jdk.jlink");
    }

    @Test
    void versionRunsOnTheArchivesOwnRuntimeAndItsAotCache() {
        // AOTMode=on turns a cache the runtime cannot use into an error; the settings name the java that ran.
        RunResult version = launch(Map.of("REDRIVE_JAVA_OPTS", "-XX:AOTMode=on -XshowSettings:properties"), "--version");

        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("sqs-redrive " + VERSION + "\n");
        assertThat(version.err()).as(version.toString()).contains("java.home = " + home.resolve("runtime"));
    }

    @Test
    void helpRunsWithoutAJavaOfTheMachines() {
        RunResult help = launch(Map.of(), "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: redrive").contains("Move messages out of Amazon SQS dead-letter queues.");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void movesADeadLetterQueueBackClientSide() {
        try (TestQueues queues = TestQueues.elasticMq()) {
            TestQueues.Queue dlq = queues.create("orders-dlq");
            TestQueues.Queue orders = queues.createSourceOf("orders", dlq, false);
            List<String> bodies = queues.deadLetter(orders, dlq, 25, "self-contained");

            RunResult start = launch(queues.env(empty), "start", dlq.name(), "--mode", "client", "--yes");

            assertThat(start.exitCode()).as(start.toString()).isZero();
            assertThat(queues.depth(dlq)).as(start.toString()).isZero();
            assertThat(queues.bodies(queues.drain(orders))).isEqualTo(bodies.stream().sorted().toList());
        }
    }

    private static RunResult launch(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putAll(noJava);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/redrive").toString()));
        command.addAll(List.of(args));
        return Processes.runWithOnly(empty, env, command);
    }

    private static Path onThisPath(String program) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(program + " is not on the PATH"));
    }

    /** A java of that major version among the JDKs installed where Linux keeps them, by their release file. */
    private static Optional<Path> javaOfMajor(int major) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && Files.isRegularFile(h.resolve("release")))
                    .filter(h -> releaseMajor(h).equals(String.valueOf(major)))
                    .map(h -> h.resolve("bin/java")).findFirst();
        }
    }

    private static String releaseMajor(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
