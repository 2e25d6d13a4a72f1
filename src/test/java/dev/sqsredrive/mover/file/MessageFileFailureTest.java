package dev.sqsredrive.mover.file;

import static dev.sqsredrive.mover.file.MessageFileWriterTest.lines;
import static dev.sqsredrive.mover.file.MessageFileWriterTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sqsredrive.mover.file.MessageFileWriter.Existing;

/** What the disk refuses: a full file system and a folder the user may not write to. */
class MessageFileFailureTest {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheAppendAndKeepsTheLinesBeforeIt() throws Exception {
        assumeTrue(ROOT, "mounting a small tmpfs needs root");
        Path small = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString()),
                "mount -t tmpfs failed (no CAP_SYS_ADMIN in this container?)");
        try {
            for (String name : List.of("out.ndjson", "out.ndjson.gz")) {
                Path file = small.resolve(name);
                List<String> written = new ArrayList<>();
                IOException full = null;
                try (MessageFileWriter w = MessageFileWriter.open(file, Existing.REFUSE)) {
                    // 10 lines of ~3 KB of random text a call (~30 KB, gzip or not): 256 KiB is full within 10 calls
                    for (int call = 0; call < 100 && full == null; call++) {
                        List<String> batch = bigLines(call);
                        try {
                            w.append(batch);
                            written.addAll(batch);
                        } catch (IOException e) {
                            full = e;
                        }
                    }
                    assertThat(full).as(name).isNotNull().hasMessageContaining("No space left on device");
                    assertThat(w.linesWritten()).isEqualTo(written.size());
                    assertThatThrownBy(() -> w.append(lines(0, 1))).isInstanceOf(IOException.class)
                            .hasMessageContaining("took no more lines after a failed write");
                }
                assertThat(written).as(name).isNotEmpty();
                assertThat(readAll(file)).as(name).isEqualTo(written); // nothing torn: the failed call was cut back
                Files.delete(file);
            }
        } finally {
            run("umount", small.toString());
        }
    }

    @Test
    void aFolderTheUserMayNotWriteToFailsTheOpen() throws IOException {
        // root ignores permission bits, so as root this cannot fail: skipped
        assumeTrue(!ROOT, "root writes into a 0500 folder regardless");
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        try {
            assertThatThrownBy(() -> MessageFileWriter.open(readOnly.resolve("out.ndjson"), Existing.REFUSE))
                    .isInstanceOf(IOException.class);
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aMissingParentFolderIsNotCreated() {
        Path file = dir.resolve("no-such-folder").resolve("out.ndjson");
        assertThatThrownBy(() -> MessageFileWriter.open(file, Existing.REFUSE)).isInstanceOf(IOException.class);
        assertThat(file.getParent()).doesNotExist();
    }

    private static List<String> bigLines(int call) {
        List<String> out = new ArrayList<>();
        java.util.Random random = new java.util.Random(call);
        for (int i = 0; i < 10; i++) {
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 3_000; k++) {
                body.append((char) ('!' + random.nextInt(90)));
            }
            out.add(MessageLines.encode(SampleMessages.body("m-" + call + "-" + i, body.toString()), null, null));
        }
        return out;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
