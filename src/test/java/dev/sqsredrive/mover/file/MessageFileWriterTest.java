package dev.sqsredrive.mover.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.file.MessageFileWriter.Existing;

class MessageFileWriterTest {

    @TempDir
    Path dir;

    static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(SampleMessages::line).toList();
    }

    static List<String> readAll(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (MessageFileReader reader = MessageFileReader.open(file)) {
            for (MessageFileReader.Line l; (l = reader.next()) != null; ) {
                assertThat(l.torn()).as("line %d torn", l.number()).isFalse();
                assertThat(l.number()).isEqualTo(out.size() + 1);
                out.add(l.text());
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void createsAPrivateFileAndCountsItsLines() throws IOException {
        Path file = dir.resolve("out.ndjson");
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.REFUSE)) {
            w.append(lines(0, 3));
            w.append(List.of());
            w.append(lines(3, 5));
            assertThat(w.linesWritten()).isEqualTo(5);
            assertThat(w.durable()).isTrue();
            assertThat(w.path()).isEqualTo(file);
            assertThat(w.repairedBytes()).isZero();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).isEqualTo(lines(0, 5));
    }

    @Test
    void refusesAnExistingFileAndLeavesItAlone() throws IOException {
        Path file = dir.resolve("out.ndjson");
        Files.writeString(file, "keep me\n");
        assertThatThrownBy(() -> MessageFileWriter.open(file, Existing.REFUSE))
                .isInstanceOf(RedriveException.class)
                .hasMessage("'" + file + "' exists: add --append to add to it, or --force to replace it")
                .satisfies(e -> assertThat(((RedriveException) e).kind()).isEqualTo(RedriveException.Kind.USAGE));
        assertThat(Files.readString(file)).isEqualTo("keep me\n");
    }

    @Test
    void overwriteReplacesTheFileWithAPrivateOne() throws IOException {
        Path file = dir.resolve("out.ndjson");
        Files.writeString(file, "old line\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.OVERWRITE)) {
            w.append(lines(0, 2));
        }
        assertThat(Files.readAllLines(file)).isEqualTo(lines(0, 2));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void appendAfterATornPlainTailCutsItAndKeepsEveryCompleteLine() throws IOException {
        Path file = dir.resolve("out.ndjson");
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.REFUSE)) {
            w.append(lines(0, 3));
        }
        String torn = SampleMessages.line(3).substring(0, 40);        // a crash in the middle of a line
        Files.writeString(file, torn, StandardOpenOption.APPEND);
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.APPEND)) {
            assertThat(w.repairedBytes()).isEqualTo(40);
        }
        assertThat(readAll(file)).isEqualTo(lines(0, 3)); // cut at the open, before any line is added
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.APPEND)) {
            assertThat(w.repairedBytes()).isZero();
            w.append(lines(10, 12));
            assertThat(w.linesWritten()).isEqualTo(2);
        }
        assertThat(readAll(file)).isEqualTo(concat(lines(0, 3), lines(10, 12)));
    }

    @Test
    void appendAfterATornGzipMemberCutsTheWholeMember() throws IOException {
        Path file = dir.resolve("out.ndjson.gz");
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.REFUSE)) {
            w.append(lines(0, 3));
            w.append(lines(3, 6));
        }
        long whole = Files.size(file);
        byte[] third = gzipMember(lines(6, 9));
        Files.write(file, Arrays.copyOf(third, third.length - 5), StandardOpenOption.APPEND); // trailer cut short
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.APPEND)) {
            assertThat(w.repairedBytes()).isEqualTo(third.length - 5);
            w.append(lines(20, 22));
        }
        assertThat(readAll(file)).isEqualTo(concat(lines(0, 6), lines(20, 22)));
        assertThat(Files.size(file)).isGreaterThan(whole);
    }

    @Test
    void appendToAMissingFileCreatesIt() throws IOException {
        Path file = dir.resolve("new.ndjson");
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.APPEND)) {
            w.append(lines(0, 1));
        }
        assertThat(readAll(file)).isEqualTo(lines(0, 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void appendRefusesAFileWhoseContentDisagreesWithItsName() throws IOException {
        Path plainNamedGz = dir.resolve("a.ndjson.gz");
        Files.writeString(plainNamedGz, SampleMessages.line(0) + "\n");
        assertThatThrownBy(() -> MessageFileWriter.open(plainNamedGz, Existing.APPEND))
                .isInstanceOf(RedriveException.class).hasMessageContaining("is not gzip");
        assertThat(Files.readString(plainNamedGz)).isEqualTo(SampleMessages.line(0) + "\n");
    }

    @Test
    void eachAppendIsOneGzipMemberThatGzipInputStreamAndGzipRead() throws Exception {
        Path file = dir.resolve("out.ndjson.gz");
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.REFUSE)) {
            for (int i = 0; i < 5; i++) {
                w.append(lines(i * 10, i * 10 + 10));
            }
        }
        String expected = String.join("\n", lines(0, 50)) + "\n";
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
        Process gzip = new ProcessBuilder("gzip", "-dc", file.toString()).redirectErrorStream(true).start();
        String out = new String(gzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gzip.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gzip.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo(expected);
        assertThat(readAll(file)).isEqualTo(lines(0, 50));
    }

    @Test
    void aStreamGetsTheLinesButIsNeitherDurableNorClosed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the writer closed the stream");
            }
        };
        try (MessageFileWriter w = MessageFileWriter.to(out)) {
            w.append(lines(0, 2));
            assertThat(w.durable()).isFalse();
            assertThat(w.path()).isNull();
            assertThat(w.linesWritten()).isEqualTo(2);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n", lines(0, 2)) + "\n");
    }

    @Test
    void aLineWithANewlineIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("out.ndjson");
        try (MessageFileWriter w = MessageFileWriter.open(file, Existing.REFUSE)) {
            assertThatThrownBy(() -> w.append(List.of("{}", "a\nb"))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.size(file)).isZero();
    }

    /** The member an append of these lines writes to a .gz file. */
    static byte[] gzipMember(List<String> lines) throws IOException {
        return gzip(String.join("\n", lines) + "\n");
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
