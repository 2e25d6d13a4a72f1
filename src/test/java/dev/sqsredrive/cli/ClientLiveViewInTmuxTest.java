package dev.sqsredrive.cli;

import static dev.sqsredrive.cli.LiveViewInTmuxTest.barLine;
import static dev.sqsredrive.cli.LiveViewInTmuxTest.block;
import static dev.sqsredrive.cli.LiveViewInTmuxTest.count;
import static dev.sqsredrive.cli.LiveViewInTmuxTest.redrive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.Tmux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client-side mover's live view in a real terminal (tmux), as {@link LiveViewInTmuxTest} does for
 * native tasks: `start --mode client` on the terminal, the same run off a terminal followed by `watch
 * HANDLE`, and Ctrl-C mid-move (with NO_COLOR). Numbers that depend on timing become placeholders before comparing.
 */
class ClientLiveViewInTmuxTest {

    /**
     * `start --mode client` at 200 columns (its start line, with the workers, is longer than 160), mid-move: the
     * handle on stdout, the note, then the block with the workers below the numbers.
     */
    private static final String MID_MOVE = """
            client-<id>
            Moving client-side: orders-dlq -> each message's origin at 40/s, adaptive workers (from 4, 1 to 128); Ctrl-C or 'redrive cancel client-<id>' stops it
            RUNNING  orders-dlq → each message's origin  limit 40/s  client
            [<bar>]  <p>%
            <n>/300 moved  ETA <t>  <rate> msg/s  elapsed <t>
            workers <w> (adaptive, 1 to 128)
            """;

    /** The end: the final block left in place, then the summary line (stdout), nothing drawn after it. */
    private static final String END = """
            COMPLETED  orders-dlq → each message's origin  limit 40/s  client
            [<full bar>]  <p>%
            300/300 moved  took <t>
            COMPLETED  moved 300  failed 0  skipped 0  duplicates possible 0  elapsed <t>  <rate> msg/s
            start-exit=0
            """;

    /** `watch` of a client-side task started in another shell, at its end: the record read by polling. */
    private static final String WATCHED = """
            COMPLETED  billing-dlq → each message's origin  limit 50/s  client
            [<full bar>]  <p>%
            <n>/200 moved  took <t>
            <time>  COMPLETED  <n>/200 moved  rate 50/s  billing-dlq -> each message's origin
            watch-exit=0
            """;

    /**
     * The same when the watch first looked after the run had ended (its JVM started later than the 4 s run on a
     * loaded machine): it cannot know how long the run took, and says nothing rather than a wrong time
     * (LiveView). Which of the two a run shows is the machine's speed, not the product's choice.
     */
    private static final String WATCHED_AFTER_THE_END =
            WATCHED.replace("<n>/200 moved  took <t>\n", "<n>/200 moved\n");

    @TempDir
    Path state;

    @Test
    void aClientSideRunShowsTheLiveViewThenItsSummaryAndCtrlCLeavesItClean() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed: the live view is only checked in a real terminal");
        try (TestQueues queues = TestQueues.elasticMq()) {
            var orders = queues.create("orders-dlq");
            queues.deadLetter(queues.createSourceOf("orders", orders, false), orders, 300, "o");
            var billing = queues.create("billing-dlq");
            queues.deadLetter(queues.createSourceOf("billing", billing, false), billing, 200, "b");
            var audit = queues.create("audit-dlq");
            queues.deadLetter(queues.createSourceOf("audit", audit, false), audit, 200, "a");
            Path script = state.resolve("pane.sh");
            Path bgOut = state.resolve("bg.out");
            // A handler, not '' (ignored): the JVM started below must still get Ctrl-C, the script must survive it.
            Files.writeString(script, "trap : INT\n"
                    + "redrive() { " + redrive(queues.env(state)) + " \"$@\"; }\n"
                    + "redrive start " + orders.name() + " --mode client --rate 40 --yes; echo start-exit=$?\n"
                    + "redrive start " + billing.name() + " --mode client --rate 50 >" + bgOut + " 2>/dev/null &\n"
                    + "while [ ! -s " + bgOut + " ]; do sleep 0.1; done\n"
                    + "redrive watch \"$(head -n 1 " + bgOut + ")\" --interval 500ms; echo watch-exit=$?\n"
                    + "wait $!; echo background-exit=$?\n"
                    + "NO_COLOR=1 redrive start " + audit.name() + " --mode client --rate 20 --yes;"
                    + " echo interrupted-exit=$?\n"
                    + "sleep 600\n");
            try (Tmux tmux = Tmux.start(200, 50, "sh " + script)) {
                String mid = tmux.awaitCapture(Duration.ofSeconds(60),
                        s -> s.matches("(?s).*\\n[1-9]\\d*/300 moved  ETA \\d.*"), "a client-side move under way");
                System.out.println("=== client-side, mid-move\n" + mid);
                assertThat(normalise(mid, orders.name())).isEqualTo(MID_MOVE);
                assertThat(barLine(mid)).contains("█").contains("░");

                String end = tmux.awaitCapture(Duration.ofSeconds(60), s -> s.contains("start-exit="), "the end");
                System.out.println("=== client-side, the end\n" + end);
                String first = end.substring(0, end.indexOf("start-exit=") + "start-exit=0\n".length());
                assertThat(count(first, "RUNNING")).as("the block redrawn in place, no frame left behind")
                        .isZero();
                assertThat(block(normalise(first, orders.name()), "COMPLETED  orders")).isEqualTo(END);
                assertThat(barLine(first)).doesNotContain("░").endsWith(" 100%");

                String watched = tmux.awaitCapture(Duration.ofSeconds(60), s -> s.contains("background-exit="),
                        "the watch of the background run");
                System.out.println("=== watch CLIENT_HANDLE\n" + watched);
                String watchPart = watched.substring(watched.indexOf("start-exit=0"),
                        watched.indexOf("watch-exit=") + "watch-exit=0\n".length());
                assertThat(block(normalise(watchPart, orders.name()), "COMPLETED  billing"))
                        .isIn(WATCHED, WATCHED_AFTER_THE_END);
                assertThat(watched).contains("background-exit=0");
                assertThat(Files.readAllLines(bgOut)).as("off a terminal: the handle, then the summary, as before")
                        .hasSize(2).satisfies(l -> {
                            assertThat(l.get(0)).matches("client-[0-9a-f-]{36}");
                            assertThat(l.get(1)).startsWith("COMPLETED  moved 200  failed 0  skipped 0");
                        });

                tmux.awaitCapture(Duration.ofSeconds(60),
                        s -> s.matches("(?s).*\\n[1-9]\\d*/200 moved  ETA \\d.*"), "the run to interrupt under way");
                tmux.sendKeys("C-c");
                String interrupted = tmux.awaitCapture(Duration.ofSeconds(60), s -> s.contains("interrupted-exit="),
                        "the summary after Ctrl-C");
                System.out.println("=== Ctrl-C mid-move\n" + interrupted);
                String last = interrupted.substring(interrupted.indexOf("background-exit="));
                assertThat(count(last, "RUNNING")).as("no half-drawn block before the summary:\n" + last).isZero();
                assertThat(block(normalise(last, orders.name()), "INTERRUPTED  audit")).matches("""
                        INTERRUPTED  audit-dlq → each message's origin  limit 20/s  client
                        \\[<bar>\\]  <p>%
                        <n>/200 moved  took <t>
                        reason: stopped by Ctrl-C or SIGTERM before it finished; resume with 'redrive start --resume client-<id>'
                        (redrive: .*\\n)*INTERRUPTED  moved \\d+  failed 0  skipped 0  duplicates possible 0  elapsed <t>  <rate> msg/s
                        interrupted-exit=130
                        """);
                String coloured = tmux.capture(true);
                assertThat(coloured.substring(0, coloured.indexOf("background-exit="))).as("colour on a terminal")
                        .contains("\u001b[32mCOMPLETED");
                assertThat(coloured.substring(coloured.indexOf("background-exit="))).as("NO_COLOR=1: no colour")
                        .contains("INTERRUPTED  ").doesNotContain("\u001b[");
            }
        }
    }

    private static String normalise(String capture, String dlqName) {
        return LiveViewInTmuxTest.normalise(capture
                .replaceAll("client-[0-9a-f-]{36}", "client-<id>")
                .replaceAll("elapsed \\d+\\.\\d+s", "elapsed <t>")
                .replaceAll("workers \\d+ \\(", "workers <w> (") // an adaptive number, as the run goes
                .replaceAll("\\b\\d+/200\\b", "<n>/200"), dlqName);
    }
}
