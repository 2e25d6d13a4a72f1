package dev.sqsredrive.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqsredrive.testing.Processes;
import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.api.Test;

/**
 * What `./mvnw verify` writes into dist/ beside the archives, as a user checks it: the checksums with
 * `sha256sum -c`, and the CycloneDX SBOM against the versions the shipped jar really holds. Runs after
 * packaging (the 'archive' execution in pom.xml).
 */
class ReleaseFilesTest {

    private static final Path DIST = Path.of(System.getProperty("dist.dir", "dist"));
    private static final String VERSION = System.getProperty("dist.version", "missing");
    private static final String PLAIN = "sqs-redrive-" + VERSION;

    @Test
    void sha256sumChecksEveryArchiveTheJarAndTheSbom() {
        RunResult check = Processes.run(DIST, Map.of(), List.of("sha256sum", "--strict", "-c", "checksums_sha256.txt"));

        assertThat(check.exitCode()).as(check.toString()).isZero();
        String runtimeArchive = Path.of(System.getProperty("dist.runtime.archive", "missing")).getFileName().toString();
        assertThat(check.outLines()).containsExactlyInAnyOrder(runtimeArchive + ": OK", PLAIN + ".tar.gz: OK",
                PLAIN + ".zip: OK", PLAIN + ".jar: OK", PLAIN + ".cdx.json: OK");
    }

    @Test
    void sbomNamesTheLibrariesInTheShippedJarWithTheirVersions() throws IOException {
        JsonNode sbom = new ObjectMapper().readTree(DIST.resolve(PLAIN + ".cdx.json").toFile());
        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(sbom.at("/metadata/component/name").asText()).isEqualTo("sqs-redrive");
        assertThat(sbom.at("/metadata/component/version").asText()).isEqualTo(VERSION);

        List<String> components = new ArrayList<>();
        sbom.path("components").forEach(c -> components.add(c.path("group").asText() + ":" + c.path("name").asText()
                + ":" + c.path("version").asText()));
        try (ZipFile jar = new ZipFile(DIST.resolve(PLAIN + ".jar").toFile())) {
            for (String library : List.of("software.amazon.awssdk:sqs", "software.amazon.awssdk:apache-client",
                    "org.apache.httpcomponents:httpclient", "org.slf4j:jcl-over-slf4j", "info.picocli:picocli",
                    "com.fasterxml.jackson.core:jackson-databind", "org.jline:jline")) {
                assertThat(components).as("the SBOM").contains(library + ":" + versionInJar(jar, library));
            }
        }
        assertThat(components).as("commons-logging is replaced by slf4j's bridge (pom.xml)")
                .noneMatch(c -> c.startsWith("commons-logging:"));
        assertThat(components).as("test libraries are not shipped")
                .noneMatch(c -> c.startsWith("org.junit") || c.startsWith("org.elasticmq") || c.startsWith("org.assertj"));
    }

    /**
     * The version Maven recorded in the jar for a library the shade plugin merged into it; picocli's jar carries
     * no Maven record, only its own constant, read from the shipped jar's class.
     */
    private static String versionInJar(ZipFile jar, String library) throws IOException {
        String[] ga = library.split(":");
        if (library.equals("info.picocli:picocli")) {
            try (URLClassLoader shipped = new URLClassLoader(new URL[] {Path.of(jar.getName()).toUri().toURL()}, null)) {
                return (String) shipped.loadClass("picocli.CommandLine").getField("VERSION").get(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("picocli.CommandLine.VERSION in the shipped jar", e);
            }
        }
        ZipEntry entry = jar.getEntry("META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties");
        assertThat(entry).as(library + " in the shipped jar").isNotNull();
        Properties properties = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
