package dev.sqsredrive.mover;

import static dev.sqsredrive.mover.WrittenJournal.msg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run on a DLQ takes over from the journals of earlier, unfinished runs: which messages it deletes
 * without sending, which it sends again and counts as possible duplicates, which duplicates it reports that no
 * summary did, and what the one-pass rule knows as moved (docs/MOVER.md, "The ledger").
 */
class ResumeStateTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunsJournalSaysWhatToDeleteWhatToSendAgainAndWhatToReport() throws Exception {
        Path killed = WrittenJournal.write(dir.resolve("client-1.log"), j -> {
            j.attempting(List.of(msg("done", null), msg("undeleted", null), msg("refused", null),
                    msg("lost", "fp"), msg("lost-too", "fp"), msg("twice", null)));
            j.sent(List.of("done", "undeleted"));
            j.given(List.of("dest-done", "dest-undeleted"));
            j.notSent(List.of("refused"));
            j.deleted(List.of("done"));
            j.attempting(List.of(msg("twice", null))); // resent after a lost answer, then killed
        });

        ResumeState state = ResumeState.read(List.of(killed));

        assertThat(state.pending()).as("deleted when received, not sent again").containsExactly("undeleted");
        assertThat(state.maybeSent()).as("sent again").containsExactlyInAnyOrder("lost", "lost-too", "twice");
        assertThat(state.duplicatedUnreported()).as("reported by this run's summary").containsExactly("twice");
        assertThat(state.resendsToCount()).as("a resend of these is a new possible duplicate")
                .containsExactlyInAnyOrder("lost", "lost-too");
        assertThat(state.unfinished()).as("left in the DLQ by the killed run").isEqualTo(4);
        assertThat(state.moved()).as("one pass: received again, these came back")
                .containsExactlyInAnyOrder("done", "undeleted", "dest-done", "dest-undeleted");
        assertThat(state.deleted()).containsExactly("done");
        assertThat(state.unrecordedCopies()).as("copies known by their content").isEqualTo(Map.of("fp", 2));
        assertThat(state.pending()).doesNotContain("refused");
        assertThat(state.maybeSent()).doesNotContain("refused");
    }

    @Test
    void whatALaterRunFinishedOrReportedIsNotTakenOverAgain() throws Exception {
        Path first = WrittenJournal.write(dir.resolve("client-1.log"), j -> {
            j.attempting(List.of(msg("a", null), msg("b", null)));
            j.attempting(List.of(msg("b", null))); // b may be at the destination twice
            j.sent(List.of("a"));
        });
        // another run on the same DLQ, which ended with its summary
        Path later = WrittenJournal.write(dir.resolve("client-2.log"), j -> {
            j.deleted(List.of("a", "b"));
            j.reported();
        });

        ResumeState state = ResumeState.read(List.of(first, later));

        assertThat(state.pending()).isEmpty();
        assertThat(state.maybeSent()).isEmpty();
        assertThat(state.duplicatedUnreported()).as("the later run's summary counted b").isEmpty();
        assertThat(state.unfinished()).isZero();
    }

    @Test
    void noJournalNothingToFinish() {
        assertThat(ResumeState.read(List.of())).isEqualTo(ResumeState.NONE);
        assertThat(ResumeState.NONE.unfinished()).isZero();
    }
}
