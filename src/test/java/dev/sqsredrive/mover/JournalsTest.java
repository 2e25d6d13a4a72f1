package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.aws.RedriveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalsTest {

    @TempDir
    Path state;

    @Test
    void pendingIsSentButNotDeletedAcrossRunsOfTheSameDlq() throws Exception {
        Journals journals = new Journals(state, line -> { }, CLOCK);
        String dlq = "arn:aws:sqs:us-east-1:1:dlq";
        try (Journal first = Journal.open(journals.fileOf(dlq, "client-1"), "{\"n\":1}")) {
            first.sent(List.of("a", "b", "c"));
            first.deleted(List.of("a"));
        }
        try (Journal second = Journal.open(journals.fileOf(dlq, "client-2"), "{\"n\":2}")) {
            second.deleted(List.of("b"));
        }
        List<Path> files = journals.files(dlq, h -> true);
        assertThat(files).hasSize(2);
        assertThat(Journals.pending(files)).containsExactly("c");
        assertThat(journals.header(dlq, "client-1")).contains("{\"n\":1}");
        assertThat(journals.files("arn:aws:sqs:us-east-1:1:other", h -> true)).isEmpty();
    }

    @Test
    void maybeSentIsAttemptedWithNoOutcomeRecordedAcrossRuns() throws Exception {
        Journals journals = new Journals(state, line -> { }, CLOCK);
        String dlq = "arn:aws:sqs:us-east-1:1:dlq";
        try (Journal first = Journal.open(journals.fileOf(dlq, "client-1"), "{}")) {
            first.attempting(messages("a", "b", "c", "d"));
            first.sent(List.of("a"));
            first.deleted(List.of("a"));
            first.sent(List.of("b")); // sent, killed before the delete: pending, not "maybe"
        }
        try (Journal second = Journal.open(journals.fileOf(dlq, "client-2"), "{}")) {
            second.deleted(List.of("c")); // another run received it and deleted it
        }
        List<Path> files = journals.files(dlq, h -> true);
        assertThat(Journals.maybeSent(files)).containsExactly("d");
        assertThat(Journals.pending(files)).containsExactly("b");
    }

    @Test
    void anAttemptTheDestinationAnsweredNoToIsNotMaybeSentUnlessAnEarlierOneWentUnanswered() throws Exception {
        Journals journals = new Journals(state, line -> { }, CLOCK);
        String dlq = "arn:aws:sqs:us-east-1:1:dlq";
        try (Journal j = Journal.open(journals.fileOf(dlq, "client-1"), "{}")) {
            j.attempting(messages("throttled", "lost"));
            j.notSent(List.of("throttled")); // answered RequestThrottled every time: never reached the queue
            // "lost": no outcome recorded (killed); the --resume run appends to the same journal
            j.attempting(messages("lost"));
            j.notSent(List.of("lost")); // this attempt was answered, the first one was not
        }
        assertThat(Journals.maybeSent(journals.files(dlq, h -> true))).containsExactly("lost");
    }

    @Test
    void messagesSentTwiceByRunsThatNeverReportedAreDuplicatedUnreported() throws Exception {
        Journals journals = new Journals(state, line -> { }, CLOCK);
        String dlq = "arn:aws:sqs:us-east-1:1:dlq";
        try (Journal j = Journal.open(journals.fileOf(dlq, "client-1"), "{}")) {
            j.attempting(messages("confirmed", "deleted", "open", "refused", "once"));
            j.sent(List.of("once"));
            // killed; the resume sends the four left "maybe sent" again, and is killed too
            j.attempting(messages("confirmed", "deleted", "open", "refused"));
            j.sent(List.of("confirmed", "deleted"));
            j.deleted(List.of("deleted"));
            j.notSent(List.of("refused")); // the destination said no: this attempt made no copy
        }
        List<Path> files = journals.files(dlq, h -> true);
        assertThat(Journals.duplicatedUnreported(files)).containsExactlyInAnyOrder("confirmed", "deleted", "open");
    }

    @Test
    void whatARunThatEndedReportedIsNotCountedAgain() throws Exception {
        Journals journals = new Journals(state, line -> { }, CLOCK);
        String dlq = "arn:aws:sqs:us-east-1:1:dlq";
        try (Journal j = Journal.open(journals.fileOf(dlq, "client-1"), "{}")) {
            j.attempting(messages("a", "b", "c")); // killed
            j.attempting(messages("a", "b")); // the resume counts both as resent "maybe sent" ...
            j.sent(List.of("a")); // ... "b" still unanswered when it ends (stopped), and it says so
            j.reported();
            j.attempting(messages("c")); // the next resume, killed: "c" has two attempts and no summary yet
        }
        assertThat(Journals.duplicatedUnreported(journals.files(dlq, h -> true))).containsExactly("c");
    }

    @Test
    void aLineCutShortByACrashIsIgnored() throws Exception {
        Path file = state.resolve("j.log");
        try (Journal j = Journal.open(file, "{}")) {
            j.sent(List.of("a"));
        }
        Files.writeString(file, "S b", StandardOpenOption.APPEND); // killed mid-write: no newline
        assertThat(Journals.pending(List.of(file))).containsExactly("a");
    }

    @Test
    void aTruncatedLineIsReportedWithItsNumberAndTheOthersStillCount() throws Exception {
        Journals journals = new Journals(state, warnings::add, CLOCK);
        Path file = journals.fileOf(DLQ, "client-1");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}\nS a\nS\nS b\nD a\nS c"); // line 3 lost its id, line 6 its end

        List<Path> files = journals.files(DLQ, h -> true);

        assertThat(files).containsExactly(file);
        assertThat(Journals.pending(files)).containsExactlyInAnyOrder("b");
        assertThat(warnings).containsExactly(
                "journal " + file + " line 3: not a journal entry; skipped, the rest of the journal still counts",
                "journal " + file + " line 6: cut short (no end of line); skipped, the rest of the journal still counts");
    }

    @Test
    void appendingAfterALineCutShortEndsThatLineFirst() throws Exception {
        Path file = state.resolve("j.log");
        try (Journal j = Journal.open(file, "{}")) {
            j.sent(List.of("a"));
        }
        Files.writeString(file, "S 12", StandardOpenOption.APPEND); // killed mid-write of "S 1234"
        try (Journal resumed = Journal.open(file, "{}")) {
            resumed.sent(List.of("c")); // glued to "S 12" it would be lost, and c sent again by the next run
        }
        // The cut id, now a line of its own, matches no message: harmless.
        assertThat(Journals.pending(List.of(file))).containsExactlyInAnyOrder("a", "12", "c");
    }

    @Test
    void aFileOfWhichNothingCanBeReadIsSetAside() throws Exception {
        Journals journals = new Journals(state, warnings::add, CLOCK);
        Path garbage = journals.fileOf(DLQ, "client-garbage");
        Files.createDirectories(garbage.getParent());
        Files.write(garbage, new byte[] {(byte) 0xff, (byte) 0xfe, '\n', (byte) 0x80, '\n'});
        Path good = journals.fileOf(DLQ, "client-good");
        try (Journal j = Journal.open(good, "{}")) {
            j.sent(List.of("a"));
        }

        List<Path> files = journals.files(DLQ, h -> true);

        assertThat(files).containsExactly(good);
        assertThat(Files.exists(garbage)).isFalse();
        try (var left = Files.list(garbage.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .contains("client-garbage.log.corrupt-20260501T120000Z"); // dated by the run's clock
        }
        assertThat(warnings).singleElement().asString().startsWith("journal " + garbage
                + " has no line that can be read: set aside as client-garbage.log.corrupt-");
        assertThat(journals.files(DLQ, h -> true)).containsExactly(good); // and not looked at again
    }

    @Test
    void aJournalWhoseOptionsLineCannotBeReadIsNotResumedButItsEntriesStillCount() throws Exception {
        Journals journals = new Journals(state, warnings::add, CLOCK);
        Path file = journals.fileOf(DLQ, "client-1");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'{', (byte) 0xc3, '}', '\n', 'S', ' ', 'a', '\n'});

        assertThatThrownBy(() -> journals.header(DLQ, "client-1")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("the journal " + file + " has no readable first line");
        assertThat(warnings).singleElement().asString().contains("line 1: not valid UTF-8");
        assertThat(Journals.pending(journals.files(DLQ, h -> true))).containsExactly("a");
    }

    /** Messages as a send attempts them, without fingerprints: the journal's A lines only. */
    private static List<Msg> messages(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> Msg.of(id, "rh-" + id, null)).toList();
    }

    private static final String DLQ = "arn:aws:sqs:us-east-1:1:dlq";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);
    private final List<String> warnings = new ArrayList<>();
}
