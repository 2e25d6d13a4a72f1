package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.Tmux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C typed into a real terminal (a tmux pane running the real Main in its own JVM, against the ElasticMQ
 * of this test JVM): at start's question, and while watching a native task. The pane's shell traps SIGINT
 * itself (it is in the same process group as redrive) so that it goes on to print the exit code.
 */
class InterruptInTmuxTest {

    private static final Pattern GOES_ON = Pattern.compile(
            "redrive: stopped watching; the task goes on inside SQS \\('redrive cancel ([0-9a-f-]{36})' stops it\\)");

    @TempDir
    Path state;

    @Test
    void ctrlCAtTheQuestionStartsNothingAndEndsAtOnceWith130() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed: Ctrl-C is only checked in a real terminal");
        try (TestQueues queues = TestQueues.elasticMq()) {
            var dlq = queues.create("orders-dlq");
            queues.deadLetter(queues.createSourceOf("orders", dlq, false), dlq, 5, "m");
            try (Tmux tmux = Tmux.start(120, 30, "sh " + script(queues,
                    "redrive start " + dlq.name() + "; echo start-exit=$?"))) {
                tmux.awaitCapture(Duration.ofSeconds(60), s -> s.contains("Start it? [y/N]"), "the question");
                tmux.sendKeys("C-c");
                // Before the fix nothing happened until Enter or Ctrl-D: this wait ran out.
                String end = tmux.awaitCapture(Duration.ofSeconds(30), s -> s.contains("start-exit="),
                        "the command to end on Ctrl-C alone");
                System.out.println("=== Ctrl-C at the question\n" + end);
                assertThat(end).contains("Start it? [y/N] ^C\nNothing started.\nstart-exit=130");
            }
            assertThat(queues.depth(dlq)).isEqualTo(5);
            RunResult list = Redrive.run(queues.env(state), "list", dlq.name());
            assertThat(list.out()).as(list.toString()).doesNotContain("RUNNING");
        }
    }

    @Test
    void ctrlCWhileWatchingANativeTaskSaysItGoesOnAndHowToCancelIt() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed: Ctrl-C is only checked in a real terminal");
        try (TestQueues queues = TestQueues.elasticMq()) {
            var dlq = queues.create("orders-dlq");
            queues.deadLetter(queues.createSourceOf("orders", dlq, false), dlq, 300, "m");
            try (Tmux tmux = Tmux.start(120, 40, "sh " + script(queues,
                    "redrive start " + dlq.name() + " --rate 2 --yes --watch --interval 500ms; echo start-exit=$?",
                    "redrive watch " + dlq.name() + " --interval 500ms; echo watch-exit=$?"))) {
                tmux.awaitCapture(Duration.ofSeconds(60), s -> s.matches("(?s).*\\n\\d+/300 moved.*"),
                        "start --watch drawing its view");
                tmux.sendKeys("C-c");
                String first = tmux.awaitCapture(Duration.ofSeconds(30), s -> s.contains("start-exit="),
                        "start --watch to end on Ctrl-C");
                tmux.awaitCapture(Duration.ofSeconds(60),
                        s -> s.substring(s.indexOf("start-exit=")).matches("(?s).*\\n\\d+/300 moved.*"),
                        "watch drawing its view");
                tmux.sendKeys("C-c");
                String end = tmux.awaitCapture(Duration.ofSeconds(30), s -> s.contains("watch-exit="),
                        "watch to end on Ctrl-C");
                System.out.println("=== Ctrl-C in start --watch, then in watch\n" + end);

                String handle = handleIn(first, "start-exit=130");
                assertThat(first.lines()).as("the handle printed by start").contains(handle);
                String second = end.substring(end.indexOf("start-exit=130"));
                assertThat(handleIn(second, "watch-exit=130")).isEqualTo(handle);
                assertThat(second).as("the view left as it was, above the line")
                        .containsPattern("RUNNING  \\S*orders-dlq → each message.s origin");
            }
            RunResult list = Redrive.run(queues.env(state), "list", dlq.name());
            assertThat(list.out()).as("the task goes on: " + list).contains("RUNNING");
        }
    }

    /** The handle named in the "goes on" line just before {@code exitLine}. */
    private static String handleIn(String capture, String exitLine) {
        Matcher m = Pattern.compile(GOES_ON.pattern() + "\n" + exitLine).matcher(capture);
        assertThat(m.find()).as("the line saying the task goes on, then " + exitLine + ", in:\n" + capture).isTrue();
        return m.group(1);
    }

    private Path script(TestQueues queues, String... lines) throws IOException {
        Path script = state.resolve("pane.sh");
        Files.writeString(script, "trap ':' INT\n"
                + "redrive() { " + LiveViewInTmuxTest.redrive(queues.env(state)) + " \"$@\"; }\n"
                + String.join("\n", lines) + "\nsleep 600\n");
        return script;
    }
}
