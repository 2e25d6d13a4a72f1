package dev.sqsredrive.mover;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal's bytes taken apart line by line, each line decoded on its own: one line of invalid UTF-8 (a
 * disk error, an editor, a stray copy) costs that line only, never the entries around it, which still say
 * which messages were sent and not deleted.
 */
final class JournalLines {

    /** An entry line: its kind (A, S, D or a newer version's letter) and the MessageId. */
    record Entry(char kind, String id) {
    }

    /** A line that was skipped, by line number (1 is the header), and why. */
    record Problem(int line, String why) {
    }

    /**
     * @param header  the first line, or null when it cannot be decoded or is missing
     * @param entries the entry lines that could be read, in order
     */
    record Parsed(String header, List<Entry> entries, List<Problem> problems) {

        /** Nothing of the file could be read: neither its header nor a single entry. */
        boolean nothingReadable() {
            return header == null && entries.isEmpty();
        }
    }

    private JournalLines() {
    }

    static Parsed parse(byte[] bytes) {
        String header = null;
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            number++;
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                // A write cut short (a crash, a power cut): its batch was never wholly recorded.
                problems.add(new Problem(number, "cut short (no end of line)"));
                break;
            }
            String text = decode(bytes, start, end);
            start = end + 1;
            if (text == null) {
                problems.add(new Problem(number, "not valid UTF-8"));
            } else if (number == 1) {
                header = text;
            } else if (text.length() > 2 && text.charAt(1) == ' ') {
                entries.add(new Entry(text.charAt(0), text.substring(2)));
            } else {
                problems.add(new Problem(number, "not a journal entry"));
            }
        }
        return new Parsed(header, entries, problems);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
