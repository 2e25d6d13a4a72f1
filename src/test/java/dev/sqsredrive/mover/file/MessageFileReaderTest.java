package dev.sqsredrive.mover.file;

import static dev.sqsredrive.mover.file.MessageFileWriterTest.gzip;
import static dev.sqsredrive.mover.file.MessageFileWriterTest.lines;
import static dev.sqsredrive.mover.file.MessageFileWriterTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sqsredrive.mover.file.MessageFileReader.Line;

class MessageFileReaderTest {

    @TempDir
    Path dir;

    private static List<Line> readLines(Path file) throws IOException {
        try (MessageFileReader reader = MessageFileReader.open(file)) {
            List<Line> out = new java.util.ArrayList<>();
            for (Line l; (l = reader.next()) != null; ) {
                out.add(l);
            }
            assertThat(reader.next()).isNull(); // and stays at the end
            return out;
        }
    }

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.write(p);
        }
        return Files.write(dir.resolve(name), all.toByteArray());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPlainLastLineWithoutNewlineIsTornAndNeverAMessage() throws IOException {
        Path file = write("a.ndjson", utf8("one\ntwo\nthr"));
        assertThat(readLines(file)).containsExactly(new Line(1, "one", false), new Line(2, "two", false),
                new Line(3, "thr", true));
        assertThat(readLines(write("b.ndjson", utf8("one\n")))).containsExactly(new Line(1, "one", false));
        assertThat(readLines(write("empty.ndjson"))).isEmpty();
    }

    @Test
    void aTornLineCutInsideACharacterIsStillReported() throws IOException {
        byte[] emoji = utf8("😀");
        Path file = write("a.ndjson", utf8("ok\n"), Arrays.copyOf(emoji, 2));
        List<Line> lines = readLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).torn()).isTrue();
    }

    @Test
    void aCompleteLineThatIsNotUtf8IsAnError() throws IOException {
        Path file = write("a.ndjson", utf8("ok\n"), new byte[] {(byte) 0xFF, '\n'});
        try (MessageFileReader reader = MessageFileReader.open(file)) {
            assertThat(reader.next().text()).isEqualTo("ok");
            assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessage("line 2 is not UTF-8 text");
        }
    }

    @Test
    void concatenatedGzipMembersReadAsOneFileWhateverItsName() throws IOException {
        Path file = write("no-gz-suffix.ndjson", gzip("a\nb\n"), gzip("c\n"), gzip(""), gzip("d\n"));
        assertThat(readLines(file)).extracting(Line::text).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aGzipMemberCutShortIsOneTornLineAndTheLinesBeforeItAreWhole() throws IOException {
        byte[] last = gzip("c\nd\n");
        Path file = write("a.gz", gzip("a\nb\n"), Arrays.copyOf(last, last.length - 3));
        assertThat(readLines(file)).containsExactly(new Line(1, "a", false), new Line(2, "b", false),
                new Line(3, "c\nd\n", true));
    }

    @Test
    void aGzipMemberWhoseCrcDoesNotMatchIsTorn() throws IOException {
        byte[] last = gzip("c\n");
        last[last.length - 8] ^= 1;
        assertThat(readLines(write("a.gz", gzip("a\n"), last)))
                .containsExactly(new Line(1, "a", false), new Line(2, "c\n", true));
    }

    @Test
    void zerosAPowerCutLeftAfterTheLastMemberAreATornTail() throws IOException {
        assertThat(readLines(write("a.gz", gzip("a\n"), new byte[4096])))
                .containsExactly(new Line(1, "a", false), new Line(2, "", true));
        assertThat(readLines(write("b.gz", Arrays.copyOf(gzip("a\n"), 6)))).containsExactly(new Line(1, "", true));
    }

    @Test
    void aCorruptMemberWithDataAfterItIsAnErrorNotATail() throws IOException {
        byte[] middle = gzip("b\n");
        middle[middle.length - 8] ^= 1;
        Path file = write("a.gz", gzip("a\n"), middle, gzip("c\n"));
        assertThatThrownBy(() -> MessageFileReader.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt gzip member");
    }

    @Test
    void readsHeadersWithEveryOptionalField() throws IOException {
        Path file = write("a.gz", memberWithAllHeaderFields("x\ny\n"), gzip("z\n"));
        assertThat(readLines(file)).extracting(Line::text).containsExactly("x", "y", "z");
        try (var w = MessageFileWriter.open(file, MessageFileWriter.Existing.APPEND)) {
            assertThat(w.repairedBytes()).isZero();
        }
    }

    @Test
    void fiveThousandLinesInOrder() throws IOException {
        Path plain = dir.resolve("many.ndjson");
        Path gz = dir.resolve("many.ndjson.gz");
        for (Path file : List.of(plain, gz)) {
            try (var w = MessageFileWriter.open(file, MessageFileWriter.Existing.REFUSE)) {
                for (int i = 0; i < 5000; i += 10) {
                    w.append(lines(i, i + 10));
                }
            }
            assertThat(readAll(file)).isEqualTo(lines(0, 5000));
        }
    }

    @Test
    void aLineOf1MibBodyReadsBack() throws IOException {
        String line = MessageLines.encode(SampleMessages.body("big", "\u0001".repeat(1024 * 1024)), null, null);
        Path file = dir.resolve("big.ndjson.gz");
        try (var w = MessageFileWriter.open(file, MessageFileWriter.Existing.REFUSE)) {
            w.append(List.of(line, line));
        }
        assertThat(readAll(file)).containsExactly(line, line);
    }

    /** A member with FEXTRA, FNAME, FCOMMENT and FHCRC, which GZIPOutputStream never writes but gzip tools may. */
    private static byte[] memberWithAllHeaderFields(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        out.write(new byte[] {6, 0, 'a', 'b', 2, 0, 'x', 'y'}); // XLEN 6: subfield "ab" holding 2 bytes
        out.write(utf8("file.ndjson\0a comment\0"));
        CRC32 headerCrc = new CRC32();
        headerCrc.update(out.toByteArray());
        out.write((int) headerCrc.getValue() & 0xFF);
        out.write((int) (headerCrc.getValue() >> 8) & 0xFF);
        byte[] data = utf8(text);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        for (long v : new long[] {crc.getValue(), data.length}) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >> 8 * i) & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
