package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A journal's bytes as a resume reads them: every line that can be read counts, each bad one costs only itself
 * and is named by its line number (the header is line 1), as the warnings on stderr say.
 */
class JournalLinesTest {

    @Test
    void theHeaderAndEveryEntryAreReadInOrder() {
        JournalLines.Parsed p = JournalLines.parse(bytes("{\"handle\":\"client-1\"}\nA m-1\nS m-1\nD m-1\n"));

        assertThat(p.header()).isEqualTo("{\"handle\":\"client-1\"}");
        assertThat(p.entries()).containsExactly(new JournalLines.Entry('A', "m-1"), new JournalLines.Entry('S', "m-1"),
                new JournalLines.Entry('D', "m-1"));
        assertThat(p.problems()).isEmpty();
        assertThat(p.nothingReadable()).isFalse();
    }

    @Test
    void aBadLineCostsOnlyItselfAndIsNamedByItsNumber() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("{}\nS a\n"));
        out.writeBytes(new byte[] {'S', ' ', (byte) 0xc3, '\n'}); // line 3: a byte of a character cut off
        out.writeBytes(bytes("garbage\nS b\nX newer-kind\nS c")); // line 6: a newer version's letter; 7 cut short

        JournalLines.Parsed p = JournalLines.parse(out.toByteArray());

        assertThat(p.entries()).extracting(JournalLines.Entry::id).containsExactly("a", "b", "newer-kind");
        assertThat(p.problems()).containsExactly(new JournalLines.Problem(3, "not valid UTF-8"),
                new JournalLines.Problem(4, "not a journal entry"),
                new JournalLines.Problem(7, "cut short (no end of line)"));
    }

    @Test
    void anUnreadableHeaderLeavesTheEntriesAndOnlyAFileOfNothingIsNothingReadable() {
        JournalLines.Parsed noHeader = JournalLines.parse(new byte[] {(byte) 0xff, '\n', 'S', ' ', 'a', '\n'});
        JournalLines.Parsed nothing = JournalLines.parse(new byte[] {(byte) 0xff, '\n', (byte) 0x80, '\n'});

        assertThat(noHeader.header()).isNull();
        assertThat(noHeader.entries()).containsExactly(new JournalLines.Entry('S', "a"));
        assertThat(noHeader.nothingReadable()).isFalse();
        assertThat(nothing.nothingReadable()).isTrue();
        assertThat(nothing.problems()).extracting(JournalLines.Problem::line).containsExactly(1, 2);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
