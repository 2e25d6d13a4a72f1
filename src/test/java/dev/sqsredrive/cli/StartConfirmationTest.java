package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `start` asks on a terminal, and only there; against ElasticMQ, in this JVM. */
class StartConfirmationTest {

    @TempDir
    Path state;

    private TestQueues queues;
    private TestQueues.Queue dlq;

    @BeforeEach
    void deadLetterSomeMessages() {
        queues = TestQueues.elasticMq();
        dlq = queues.create("dlq");
        queues.deadLetter(queues.createSourceOf("src", dlq, false), dlq, 5, "m");
    }

    @AfterEach
    void close() {
        queues.close();
    }

    private RunResult run(boolean terminal, Reader stdin, String... args) {
        return Redrive.run(new Context(queues.env(state), Clock.systemUTC(), Ticker.system(), Sleeper.real(), terminal,
                new BufferedReader(stdin)), args);
    }

    @Test
    void noAtThePromptStartsNothingAndExitsSeven() {
        RunResult r = run(true, new StringReader("n\n"), "start", dlq.name());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.DECLINED.code()).isEqualTo(7);
        assertThat(r.out()).as("nothing on stdout: no handle").isEmpty();
        assertThat(r.err()).contains("About to move:", dlq.name(), "about 5", "each message's origin (1 source queue)",
                "chosen by SQS", "native (SQS move task)", "Start it? [y/N]", "Nothing started");
        assertThat(queues.depth(dlq)).isEqualTo(5);
        assertThat(run(false, new StringReader(""), "list", dlq.name()).out()).doesNotContain("RUNNING");
    }

    @Test
    void endOfInputIsANo() {
        RunResult r = run(true, new StringReader(""), "start", dlq.name(), "--rate", "10");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.err()).contains("10 messages/s", "Nothing started");
    }

    @Test
    void yesAtThePromptStarts() {
        RunResult r = run(true, new StringReader("YES\n"), "start", dlq.name());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().strip()).as("the handle").isNotEmpty().doesNotContain(" ");
        assertThat(r.err()).contains("Start it? [y/N]", "Started moving");
    }

    @Test
    void yesFlagSkipsTheQuestionOnATerminal() {
        RunResult r = run(true, failingReader(), "start", dlq.name(), "-y");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("[y/N]").contains("Started moving");
    }

    @Test
    void withoutATerminalItNeverAsksNorReadsStdin() {
        RunResult r = run(false, failingReader(), "start", dlq.name());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("[y/N]").doesNotContain("About to move");
    }

    @Test
    void helpDocumentsTheQuestionAndItsExitCode() {
        RunResult r = run(false, new StringReader(""), "help", "start");
        assertThat(r.out()).contains("-y, --yes", "asks before starting", "7   start was answered 'no'");
    }

    /** stdin that fails the test if anything reads it. */
    private static Reader failingReader() {
        return new Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                throw new AssertionError("stdin was read");
            }

            @Override
            public void close() {
            }
        };
    }
}
