package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.Tmux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `redrive start` and `redrive watch` in a real terminal: a tmux pane runs the real Main, each in its own
 * JVM, against the ElasticMQ of this test JVM. The captures below were recorded from that pane; numbers
 * that depend on timing are replaced by placeholders before comparing (see {@link #normalise}).
 * Skipped where tmux is not installed: CI must install tmux to run it.
 */
class LiveViewInTmuxTest {

    private static final int MESSAGES = 300;

    /** The prompt, as `start` shows it on a terminal. */
    private static final String PROMPT = """
            About to move:
              source        orders-dlq  (arn:aws:sqs:us-east-1:000000000000:orders-dlq)
              messages      about 300 (ApproximateNumberOfMessages)
              destination   each message's origin (1 source queue)
              rate          40 messages/s
              mode          native (SQS move task)
            Start it? [y/N]
            """;

    /** The live block at 120 columns, mid-move. */
    private static final String WIDE = """
            RUNNING  orders-dlq → each message's origin  limit 40/s  native
            [<bar>]  <p>%
            <n>/300 moved  ETA <t>  <rate> msg/s  elapsed <t>
            """;

    /**
     * The same block after the pane was narrowed to 40 columns: kind, limit and elapsed dropped, both names
     * cut in the middle (how much depends on the test's queue prefix, hence the placeholder).
     */
    private static final String NARROW = """
            RUNNING  <src…> → <dst…>
            [<bar>]  <p>%
            <n>/300 moved  ETA <t>  <rate> msg/s
            """;

    /** The end, back at 120 columns: the block left in place, then the result line on stdout. */
    private static final String END = """
            COMPLETED  orders-dlq → each message's origin  limit 40/s  native
            [<full bar>]  <p>%
            300/300 moved  took <t>
            <time>  COMPLETED  300/300 moved  rate 40/s  orders-dlq -> each message's origin
            watch-exit=0
            """;

    @TempDir
    Path state;

    @Test
    void confirmsStartsAndRedrawsTheWatchInPlaceThroughAResize() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed: the live view is only checked in a real terminal");
        try (TestQueues queues = TestQueues.elasticMq()) {
            var dlq = queues.create("orders-dlq");
            var source = queues.createSourceOf("orders", dlq, false);
            queues.deadLetter(source, dlq, MESSAGES, "m");
            Path script = state.resolve("pane.sh");
            Files.writeString(script, "redrive() { " + redrive(queues.env(state)) + " \"$@\"; }\n"
                    + "redrive start " + dlq.name() + " --rate 40; echo start-exit=$?\n"
                    + "redrive watch " + dlq.name() + " --interval 500ms; echo watch-exit=$?\n"
                    + "NO_COLOR=1 redrive watch " + dlq.name() + "; echo again-exit=$?\n"
                    + "sleep 600\n");
            try (Tmux tmux = Tmux.start(120, 40, "sh " + script)) {
                String prompt = tmux.awaitCapture(Duration.ofSeconds(60), s -> s.contains("[y/N]"), "the prompt");
                System.out.println("=== prompt\n" + prompt);
                assertThat(normalise(prompt, dlq.name())).isEqualTo(PROMPT);
                tmux.sendKeys("y", "Enter");

                String wide = tmux.awaitCapture(Duration.ofSeconds(60),
                        s -> s.matches("(?s).*\\n[1-9]\\d*/300 moved  ETA \\d.*"), "a move under way at 120 columns");
                System.out.println("=== 120 columns, mid-move\n" + wide);
                assertThat(normalise(block(wide, "RUNNING"), dlq.name())).isEqualTo(WIDE);
                assertThat(barLine(wide)).contains("█").contains("░");

                tmux.resize(40, 40);
                String narrow = tmux.awaitCapture(Duration.ofSeconds(60),
                        s -> s.contains("RUNNING") && maxLength(block(s, "RUNNING")) <= 39 || s.contains("COMPLETED"),
                        "the block redrawn at 40 columns");
                System.out.println("=== 40 columns, mid-move\n" + narrow);
                assertThat(narrow).as("still running when narrowed; move more messages if this fails")
                        .doesNotContain("COMPLETED");
                assertThat(count(narrow, "RUNNING")).as("one block, no leftovers from the wider one:\n" + narrow)
                        .isEqualTo(1);
                assertThat(count(narrow, "[█")).as("one bar:\n" + narrow).isEqualTo(1);
                String narrowBlock = block(narrow, "RUNNING");
                assertThat(maxLength(narrowBlock)).isLessThanOrEqualTo(39);
                assertThat(normalise(narrowBlock, dlq.name())
                        .replaceFirst("(?m)^RUNNING  [^ ]+…[^ ]* → each me[^ ]*….*$", "RUNNING  <src…> → <dst…>"))
                        .isEqualTo(NARROW);

                tmux.resize(120, 40);
                String end = tmux.awaitCapture(Duration.ofSeconds(90), s -> s.contains("again-exit="), "the end");
                System.out.println("=== the end, back at 120 columns\n" + end);
                String first = end.substring(end.indexOf("start-exit=0"), end.indexOf("watch-exit=0") + "watch-exit=0\n".length());
                assertThat(normalise(block(first, "COMPLETED"), dlq.name())).isEqualTo(END);
                assertThat(barLine(block(first, "COMPLETED"))).doesNotContain("░").endsWith(" 100%");

                String coloured = tmux.capture(true);
                assertThat(coloured).as("colour on a terminal")
                        .contains("\u001b[32mCOMPLETED");
                String afterNoColor = coloured.substring(coloured.indexOf("watch-exit=0"));
                assertThat(afterNoColor).as("NO_COLOR=1: the same view without colour").contains("COMPLETED  ")
                        .as("a task that ended before the watch began has no 'took'").doesNotContain("took")
                        .doesNotContain("\u001b[32m").contains("again-exit=0");
            }
        }
    }

    /** From the last line starting with {@code status} to the end of the capture. */
    static String block(String capture, String status) {
        List<String> lines = Arrays.asList(capture.split("\n"));
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(status)) {
                from = i;
            }
        }
        return String.join("\n", lines.subList(from, lines.size())) + "\n";
    }

    static String barLine(String capture) {
        return Arrays.stream(capture.split("\n")).filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElse("");
    }

    private static int maxLength(String text) {
        return Arrays.stream(text.split("\n")).mapToInt(String::length).max().orElse(0);
    }

    static long count(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).count();
    }

    /** Replaces what changes from run to run (queue prefix, timings, rates, the bar's split) by placeholders. */
    static String normalise(String capture, String dlqName) {
        String prefix = dlqName.substring(0, dlqName.length() - "orders-dlq".length());
        return capture.replace(prefix, "")
                .replaceAll("\\[█+\\]", "[<full bar>]")
                .replaceAll("\\[[█░]+\\]", "[<bar>]")
                .replaceAll("\\d\\d:\\d\\d:\\d\\d", "<time>")
                .replaceAll("\\b\\d+(h\\d\\dm|m\\d\\ds|s)\\b|(?<=ETA )\\?", "<t>")
                .replaceAll("\\d+\\.\\d(?= msg/s|/s)|\\?(?= msg/s|/s)", "<rate>")
                .replaceAll("\\] +\\d+%", "]  <p>%")
                // Only a move under way has a count that varies: the end must read 300/300 exactly.
                .replaceAll("\\b\\d+/300(?= moved  ETA)", "<n>/300")
                .replaceAll("(?m)^\\s+$", "");
    }

    /** A shell command running the real Main in a fresh JVM with nothing but the given environment. */
    static String redrive(Map<String, String> awsEnv) {
        Map<String, String> env = new TreeMap<>(awsEnv);
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "screen-256color");
        List<String> parts = new ArrayList<>(List.of("env", "-i"));
        env.forEach((k, v) -> parts.add(k + "=" + v));
        parts.add("${NO_COLOR:+NO_COLOR=$NO_COLOR}");
        parts.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        StringBuilder sh = new StringBuilder();
        for (String p : parts) {
            sh.append(p.startsWith("${") ? p : "'" + p.replace("'", "'\\''") + "'").append(' ');
        }
        return sh.toString().strip();
    }
}
