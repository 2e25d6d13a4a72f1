package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalsTest {

    @TempDir
    Path state;

    @Test
    void pendingIsSentButNotDeletedAcrossRunsOfTheSameDlq() throws Exception {
        Journals journals = new Journals(state);
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
        Journals journals = new Journals(state);
        String dlq = "arn:aws:sqs:us-east-1:1:dlq";
        try (Journal first = Journal.open(journals.fileOf(dlq, "client-1"), "{}")) {
            first.attempting(List.of("a", "b", "c", "d"));
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
        Journals journals = new Journals(state);
        String dlq = "arn:aws:sqs:us-east-1:1:dlq";
        try (Journal j = Journal.open(journals.fileOf(dlq, "client-1"), "{}")) {
            j.attempting(List.of("throttled", "lost"));
            j.notSent(List.of("throttled")); // answered RequestThrottled every time: never reached the queue
            // "lost": no outcome recorded (killed); the --resume run appends to the same journal
            j.attempting(List.of("lost"));
            j.notSent(List.of("lost")); // this attempt was answered, the first one was not
        }
        assertThat(Journals.maybeSent(journals.files(dlq, h -> true))).containsExactly("lost");
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
}
