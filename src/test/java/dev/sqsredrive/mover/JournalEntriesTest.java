package dev.sqsredrive.mover;

import static dev.sqsredrive.mover.WrittenJournal.msg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a DLQ's journals say about each message, as the journal writes them: which attempts may have delivered
 * (and how often), which a summary already reported, and the fingerprints recorded beside attempts.
 */
class JournalEntriesTest {

    @TempDir
    Path dir;

    @Test
    void anAttemptIsClosedByItsAnswerAndOneLeftOpenMayHaveDelivered() throws Exception {
        Path file = WrittenJournal.write(dir.resolve("j.log"), j -> {
            j.attempting(List.of(msg("sent", "fp-1"), msg("refused", null), msg("open", "fp-2")));
            j.sent(List.of("sent"));
            j.given(List.of("dest-1"));
            j.notSent(List.of("refused"));
            j.deleted(List.of("sent"));
        });

        JournalEntries e = JournalEntries.read(List.of(file));

        assertThat(e.attempted()).containsExactlyInAnyOrder("sent", "refused", "open");
        assertThat(e.maybeSent()).as("no answer recorded").containsExactly("open");
        assertThat(e.sent()).containsExactly("sent");
        assertThat(e.deleted()).containsExactly("sent");
        assertThat(e.given()).containsExactly("dest-1");
        assertThat(e.copies()).as("a refused send is no copy").isEqualTo(Map.of("sent", 1, "open", 1));
        assertThat(e.fingerprints()).isEqualTo(Map.of("sent", "fp-1", "open", "fp-2"));
    }

    @Test
    void twoAttemptsThatMayEachHaveDeliveredAreTwoCopiesAndNoSummaryReportedThem() throws Exception {
        Path file = WrittenJournal.write(dir.resolve("j.log"), j -> {
            j.attempting(List.of(msg("confirmed", null), msg("open", null)));
            j.attempting(List.of(msg("confirmed", null), msg("open", null))); // the first answers were lost
            j.sent(List.of("confirmed"));
        }); // killed: "open" still has no answer

        JournalEntries e = JournalEntries.read(List.of(file));

        assertThat(e.copies()).isEqualTo(Map.of("confirmed", 2, "open", 2));
        assertThat(e.maybeSent()).containsExactlyInAnyOrder("confirmed", "open");
        assertThat(e.reportedDuplicates()).isEmpty();
    }

    @Test
    void aSummaryReportsWhatHadTwoCopiesByThenCountingTheAttemptStillOpen() throws Exception {
        Path file = WrittenJournal.write(dir.resolve("j.log"), j -> {
            j.attempting(List.of(msg("a", null), msg("b", null), msg("c", null)));
            j.attempting(List.of(msg("a", null), msg("b", null))); // resent: a and b may each be there twice
            j.sent(List.of("b"));
            j.reported();
            j.attempting(List.of(msg("c", null))); // after the summary: not reported yet
            j.sent(List.of("c"));
        });

        JournalEntries e = JournalEntries.read(List.of(file));

        assertThat(e.reportedDuplicates()).containsExactlyInAnyOrder("a", "b");
        assertThat(e.copies()).containsEntry("c", 2);
    }

    @Test
    void aLineOfANewerVersionIsSkippedAndTheRestCounts() throws Exception {
        Path file = dir.resolve("j.log");
        Files.writeString(file, "{}\nA a\nZ something new\nS a\n");

        JournalEntries e = JournalEntries.read(List.of(file));

        assertThat(e.sent()).containsExactly("a");
        assertThat(e.maybeSent()).isEmpty();
    }
}
