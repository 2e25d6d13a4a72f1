package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.sqsredrive.mover.Concurrency;
import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import org.junit.jupiter.api.Test;

/** A client-side run's progress, fed tick by tick from the mover, drawn as the same block `watch` draws. */
class ClientRunViewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final String DLQ = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";
    private static final String DEST = "arn:aws:sqs:eu-west-1:123456789012:orders";

    private static MoveTask started(Double rate, long movedBefore, long toMove) {
        return new MoveTask("client-1", MoveTask.Kind.CLIENT, TaskStatus.RUNNING, DLQ, DEST, rate, movedBefore,
                toMove, null, T0);
    }

    private static MoveProgress tick(long moved, long toMove, int seconds) {
        return new MoveProgress(moved, 0, 0, toMove, Duration.ofSeconds(seconds));
    }

    @Test
    void eachTickRedrawsWithTheMeasuredRateTheRequestedLimitAndTheKind() {
        RecordingScreen screen = new RecordingScreen();
        ClientRunView view = new ClientRunView(new LiveView(screen, Style.plain()), started(2.5, 0, 100));
        view.progress(tick(0, 100, 0));
        view.progress(tick(10, 100, 2));
        view.progress(tick(20, 100, 4));
        assertThat(screen.frames).hasSize(3);
        assertThat(screen.frames.get(0).get(2)).as("no rate from one tick").contains("? msg/s");
        assertThat(screen.frames.get(2)).containsExactly(
                "RUNNING  orders-dlq → orders  limit 2.50/s  client",
                "[████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   20%",
                "20/100 moved  ETA 16s  5.0 msg/s  elapsed 4s");
    }

    @Test
    void withoutRateTheHeaderSaysNoLimit() {
        RecordingScreen screen = new RecordingScreen();
        ClientRunView view = new ClientRunView(new LiveView(screen, Style.plain()), started(null, 0, 100));
        view.progress(tick(5, 100, 1));
        assertThat(screen.frames.get(0).get(0)).isEqualTo("RUNNING  orders-dlq → orders  no limit  client");
    }

    @Test
    void aResumedTaskCountsWhatEarlierRunsMovedAndTheLastFrameIsHowItEnded() {
        RecordingScreen screen = new RecordingScreen();
        ClientRunView view = new ClientRunView(new LiveView(screen, Style.plain()), started(null, 40, 100));
        view.progress(tick(30, 60, 3));
        assertThat(screen.last()).contains("70/100 moved");
        view.end(new MoveTask("client-1", MoveTask.Kind.CLIENT, TaskStatus.CANCELLED, DLQ, DEST, null, 72, 100L,
                null, T0));
        view.close();
        assertThat(screen.frames.get(screen.frames.size() - 1)).containsExactly(
                "CANCELLED  orders-dlq → orders  no limit  client",
                "[███████████████████████████████████████████░░░░░░░░░░░░░░░░░]   72%",
                "72/100 moved  took 3s");
        assertThat(screen.closed).isTrue();
    }

    @Test
    void aNotePrintedMidRunGoesAboveTheBlockWhichIsDrawnAgainBelowIt() {
        RecordingScreen screen = new RecordingScreen();
        ClientRunView view = new ClientRunView(new LiveView(screen, Style.plain()), started(null, 0, 100));
        view.progress(tick(5, 100, 1));
        List<String> before = screen.frames.get(0);
        StringBuilder printed = new StringBuilder();
        view.above(() -> printed.append("frames so far: ").append(screen.frames.size()));
        assertThat(printed).hasToString("frames so far: 2");
        assertThat(screen.frames.get(1)).as("the block taken off first").isEmpty();
        assertThat(screen.frames.get(2)).as("then drawn again").isEqualTo(before);
    }

    @Test
    void narrowTerminalsDropTheKindAndLimitFirst() {
        RecordingScreen screen = new RecordingScreen();
        screen.width = 40;
        ClientRunView view = new ClientRunView(new LiveView(screen, Style.plain()), started(2.5, 0, 100));
        view.progress(tick(10, 100, 2));
        assertThat(screen.frames.get(0).get(0)).isEqualTo("RUNNING  orders-dlq → orders");
        assertThat(screen.frames.get(0)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(39));
    }

    @Test
    void returnsFollowTheCountAndAWaitingCanaryGetsALineBelowUntilTheEnd() {
        RecordingScreen screen = new RecordingScreen();
        ClientRunView view = new ClientRunView(new LiveView(screen, Style.plain()), started(null, 0, 100));
        view.progress(new MoveProgress(10, 0, 0, 100L, Duration.ofSeconds(5), 3,
                List.of("canary: 10 moved, waiting 42 s, 3 back")));
        assertThat(lastFrame(screen)).containsExactly(
                "RUNNING  orders-dlq → orders  no limit  client",
                "[██████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   10%",
                "10/100 moved  returned 3  ETA ?  ? msg/s  elapsed 5s",
                "canary: 10 moved, waiting 42 s, 3 back");
        view.end(new MoveTask("client-1", MoveTask.Kind.CLIENT, TaskStatus.FAILED, DLQ, DEST, null, 10, 100L,
                "canary: 3 of the 10 messages moved came back", T0, 3));
        assertThat(lastFrame(screen)).as("the canary's verdict is the reason; its wait is over")
                .containsExactly("FAILED  orders-dlq → orders  no limit  client",
                        "[██████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   10%",
                        "10/100 moved  returned 3  took 5s",
                        "reason: canary: 3 of the 10 messages moved came back");
    }

    @Test
    void aBackpressurePauseIsSpeltInAsciiWhereTheTerminalCannotDrawTheSign() {
        String paused = "paused: orders backlog 1,240 \u2265 1,000";
        RecordingScreen unicode = new RecordingScreen();
        RecordingScreen ascii = new RecordingScreen();
        ascii.charset = java.nio.charset.StandardCharsets.US_ASCII;
        for (RecordingScreen screen : List.of(unicode, ascii)) {
            new ClientRunView(new LiveView(screen, Style.plain()), started(null, 0, 100))
                    .progress(new MoveProgress(20, 0, 0, 100L, Duration.ofSeconds(2), 0, List.of(paused)));
        }
        assertThat(unicode.last()).endsWith(paused);
        assertThat(ascii.last()).endsWith("paused: orders backlog 1,240 >= 1,000");
        assertThat(lastFrame(ascii).get(2)).as("none came back: no returned").doesNotContain("returned");
    }

    @Test
    void theWorkersGetALineBelowTheNumbersThatFollowsAnAdaptiveNumberUntilTheEnd() {
        RecordingScreen screen = new RecordingScreen();
        ClientRunView view = new ClientRunView(new LiveView(screen, Style.plain()), started(null, 0, 100));
        view.progress(new MoveProgress(10, 0, 0, 100L, Duration.ofSeconds(1), 0, List.of(),
                new Concurrency(4, 4, 1, 128, true)));
        assertThat(lastFrame(screen).get(3)).isEqualTo("workers 4 (adaptive, 1 to 128)");
        view.progress(new MoveProgress(60, 0, 0, 100L, Duration.ofSeconds(2), 0, List.of("canary: waiting"),
                new Concurrency(12, 16, 1, 128, true)));
        assertThat(lastFrame(screen).subList(3, 5)).containsExactly("workers 12 (adaptive, 1 to 128)",
                "canary: waiting");
        view.end(new MoveTask("client-1", MoveTask.Kind.CLIENT, TaskStatus.COMPLETED, DLQ, DEST, null, 100, 100L,
                null, T0));
        assertThat(lastFrame(screen)).as("the end says how it ended, not how many worked")
                .noneMatch(line -> line.startsWith("workers"));

        RecordingScreen fixed = new RecordingScreen();
        new ClientRunView(new LiveView(fixed, Style.plain()), started(null, 0, 100)).progress(new MoveProgress(10,
                0, 0, 100L, Duration.ofSeconds(1), 0, List.of(), new Concurrency(16, 16, 16, 16, false)));
        assertThat(lastFrame(fixed).get(3)).isEqualTo("workers 16");
    }

    private static List<String> lastFrame(RecordingScreen screen) {
        return screen.frames.get(screen.frames.size() - 1);
    }
}
