package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.RecordingScreen;
import dev.sqsredrive.render.Screen;
import dev.sqsredrive.render.Style;
import dev.sqsredrive.task.ClientTaskRun;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import org.junit.jupiter.api.Test;

/** A client-side run's progress: the live view on a terminal, else today's periodic line on stderr. */
class ClientRunEventsTest {

    private static final String DLQ = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";
    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ClientRunEvents events(boolean json, Optional<Screen> screen) {
        Output output = new Output(new PrintWriter(out), new PrintWriter(err), json, false, Style.plain());
        return new ClientRunEvents(output, (plan, how) -> true, () -> screen);
    }

    private static MoveTask task(TaskStatus status, long moved) {
        return new MoveTask("client-1", MoveTask.Kind.CLIENT, status, DLQ, null, null, moved, 10L, null, T0);
    }

    private static MoveProgress tick(long moved, int seconds) {
        return new MoveProgress(moved, 0, 0, 10L, Duration.ofSeconds(seconds));
    }

    private static void run(ClientRunEvents events) {
        events.started(task(TaskStatus.RUNNING, 0));
        for (int s = 1; s <= 4; s++) {
            events.onProgress(tick(2L * s, s));
        }
        events.note("something worth saying");
        events.end(new ClientTaskRun.Result(task(TaskStatus.COMPLETED, 10), null));
    }

    @Test
    void onATerminalTheViewFollowsTheMoveAndEndsOnHowItEndedWithNoProgressLines() {
        RecordingScreen screen = new RecordingScreen();
        run(events(false, Optional.of(screen)));
        assertThat(out.toString()).as("the handle, first on stdout").isEqualTo("client-1\n");
        assertThat(err.toString()).doesNotContain("moved 2/10").contains("redrive: something worth saying");
        assertThat(screen.frames.get(0).get(2)).startsWith("2/10 moved");
        assertThat(screen.frames).as("the note went above the block: a clear, then the block again")
                .contains(java.util.List.of());
        assertThat(screen.last()).startsWith("COMPLETED  orders-dlq → each message's origin  no limit  client")
                .contains("10/10 moved  took 4s");
        assertThat(screen.closed).as("closed before the summary is printed").isTrue();
    }

    @Test
    void offATerminalAProgressLineEveryTwoSecondsOnStderrAsBefore() {
        run(events(false, Optional.empty()));
        assertThat(out.toString()).isEqualTo("client-1\n");
        assertThat(err.toString().lines().filter(l -> l.startsWith("moved "))).containsExactly(
                "moved 4/10  failed 0  skipped 0  2.0 msg/s  2s",
                "moved 8/10  failed 0  skipped 0  2.0 msg/s  4s");
    }

    @Test
    void offATerminalTheProgressLineSaysHowManyCameBackOnceAnyDid() {
        ClientRunEvents events = events(false, Optional.empty());
        events.onProgress(new MoveProgress(4, 0, 0, 10L, Duration.ofSeconds(2), 1, java.util.List.of()));
        assertThat(err.toString()).contains("moved 4/10  failed 0  skipped 0  returned 1  2.0 msg/s  2s");
    }

    @Test
    void closingWithoutAnEndTakesTheViewDownToo() {
        RecordingScreen screen = new RecordingScreen();
        ClientRunEvents events = events(false, Optional.of(screen));
        events.started(task(TaskStatus.RUNNING, 0));
        events.close();
        assertThat(screen.closed).isTrue();
    }

    @Test
    void aDryRunsProgressLineSaysWouldMoveNotMoved() {
        ClientRunEvents events = events(false, Optional.empty());
        events.decided("client-side (this process)", "--dry-run was given", null,
                dev.sqsredrive.task.ClientOptions.builder().dryRun(true).build());
        for (int s = 1; s <= 4; s++) {
            events.onProgress(tick(2L * s, s));
        }
        assertThat(err.toString()).as(err.toString()).contains("dry run: would move 4/10").doesNotContain("moved");
    }
}
