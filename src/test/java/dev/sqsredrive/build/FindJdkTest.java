package dev.sqsredrive.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .mvn/find-jdk, which ./mvnw runs before Maven starts, on fake JDK homes (a release file and two stub
 * executables): a machine whose PATH's java is 17 builds on the JDK 21+ installed beside it, without
 * JAVA_HOME; where there is none, one line says what to install, before Maven (and any compiler) runs.
 */
class FindJdkTest {

    @TempDir
    Path dir;

    @Test
    void withJava17OnThePathItPicksTheNewestJdk21PlusBesideIt() throws Exception {
        Path jdk17 = jdk("java-17", "17.0.15");
        Path jdk21 = jdk("jdk-21", "21.0.5");
        Path jdk25 = jdk("temurin-25", "25.0.1");
        RunResult r = findJdk(null, jdk17, jdk17, jdk25, jdk21, dir.resolve("not-a-jdk"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(jdk25 + "\n");
        assertThat(r.err()).as("one line saying which JDK the build uses instead")
                .isEqualTo("mvnw: the PATH's java is Java 17 at " + jdk17 + "; building with Java 25 at " + jdk25 + "\n");
    }

    @Test
    void aJavaHomeOf21OrNewerIsUsedAsItIs() throws Exception {
        Path jdk21 = jdk("jdk-21", "21.0.5");
        RunResult r = findJdk(jdk21, jdk("java-17", "17.0.15"), jdk("temurin-25", "25.0.1"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(jdk21 + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withNoJdk21AnywhereOneLineSaysWhatToInstall() throws Exception {
        Path jdk17 = jdk("java-17", "17.0.15");
        RunResult r = findJdk(null, jdk17, jdk17, jdk("java-11", "11.0.2"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("mvnw: the build needs a JDK 21 or newer and found none")
                .contains("Java 17 at " + jdk17, "install one", "openjdk-21-jdk", "JAVA_HOME");
    }

    /** A fake JDK home: what find-jdk looks at, and nothing that could run. */
    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path t = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexit 99\n");
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    /** Runs the script with javaHome (or none), pathJdk's java first on the PATH, and the homes to look at. */
    private RunResult findJdk(Path javaHome, Path pathJdk, Path... homes) throws Exception {
        Path pathBin = Files.createDirectories(dir.resolve("path-bin"));
        Files.deleteIfExists(pathBin.resolve("java"));
        Files.createSymbolicLink(pathBin.resolve("java"), pathJdk.resolve("bin/java"));
        List<String> command = new ArrayList<>(List.of("sh", Path.of(".mvn/find-jdk").toAbsolutePath().toString()));
        for (Path h : homes) {
            command.add(h.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", pathBin + ":/usr/bin:/bin");
        env.put("HOME", dir.toString());
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("find-jdk ended").isTrue();
        return new RunResult(p.exitValue(), out, err);
    }
}
