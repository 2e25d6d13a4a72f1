package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressLayoutTest {

    private static final Instant STARTED = Instant.parse("2026-11-23T03:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(64);
    private static final String DLQ = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";
    private static final String DEST = "arn:aws:sqs:eu-west-1:123456789012:orders";

    private static MoveTask task(TaskStatus status, long moved, Long toMove, String destination) {
        return new MoveTask("h", MoveTask.Kind.NATIVE, status, DLQ, destination, 50.0, moved, toMove,
                status == TaskStatus.FAILED ? "CouldNotDetermineMessageSource" : null, STARTED);
    }

    private static List<String> lines(MoveTask task, Double rate, int width) {
        return ProgressLayout.lines(task, rate, NOW, width, Glyphs.UNICODE);
    }

    @Test
    void wideShowsEveryField() {
        assertThat(lines(task(TaskStatus.RUNNING, 120, 300L, null), 35.24, 120)).containsExactly(
                "RUNNING  orders-dlq → each message's origin  limit 50/s  native",
                "[████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   40%",
                "120/300 moved  ETA 6s  35.2 msg/s  elapsed 1m04s");
    }

    @Test
    void eightyColumnsStillShowsEverything() {
        assertThat(lines(task(TaskStatus.RUNNING, 120, 300L, null), 35.24, 80)).containsExactly(
                "RUNNING  orders-dlq → each message's origin  limit 50/s  native",
                "[████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   40%",
                "120/300 moved  ETA 6s  35.2 msg/s  elapsed 1m04s");
    }

    @Test
    void fortyColumnsDropsKindLimitAndElapsedAndCutsNamesInTheMiddle() {
        assertThat(lines(task(TaskStatus.RUNNING, 120, 300L, null), 35.24, 40)).containsExactly(
                "RUNNING  orders-dlq → each mes…s origin",
                "[████████████░░░░░░░░░░░░░░░░░░░]   40%",
                "120/300 moved  ETA 6s  35.2 msg/s");
    }

    @Test
    void twentyColumnsKeepsStatusSourcePercentCountsAndEta() {
        assertThat(lines(task(TaskStatus.RUNNING, 120, 300L, DEST), 35.24, 20)).containsExactly(
                "RUNNING  orders-dlq",
                "[████░░░░░░░]   40%",
                "120/300  ETA 6s");
    }

    @Test
    void tinyTerminalsGetCutLinesNotWrappedOnes() {
        assertThat(lines(task(TaskStatus.RUNNING, 120, 300L, DEST), 35.24, 8)).containsExactly(
                "RUNNIN…", "40%", "120/300");
        assertThat(lines(task(TaskStatus.RUNNING, 120, 300L, DEST), 35.24, 1)).containsExactly("", "", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12, 20, 33, 40, 57, 80, 120, 200})
    void noLineEverReachesTheLastColumn(int width) {
        for (TaskStatus status : TaskStatus.values()) {
            for (MoveTask t : List.of(task(status, 120, 300L, DEST), task(status, 7, null, null),
                    task(status, 300, 0L, null))) {
                assertThat(lines(t, 12.5, width)).allSatisfy(l -> assertThat(l.length())
                        .as("%s at %d columns", l, width).isLessThanOrEqualTo(width - 1));
            }
        }
    }

    @Test
    void completedFillsTheBarEvenWhenCountsLagOrTheTotalIsReportedAsZero() {
        // ElasticMQ reports ApproximateNumberOfMessagesToMove 0 once done; AWS's counts lag behind.
        assertThat(lines(task(TaskStatus.COMPLETED, 300, 0L, null), null, 80)).containsExactly(
                "COMPLETED  orders-dlq → each message's origin  limit 50/s  native",
                "[████████████████████████████████████████████████████████████]  100%",
                "300/300 moved  took 1m04s");
        assertThat(lines(task(TaskStatus.COMPLETED, 290, 300L, null), null, 40).get(1))
                .isEqualTo("[███████████████████████████████]  100%");
    }

    @Test
    void unknownTotalShowsNoBarAndNoEta() {
        assertThat(lines(task(TaskStatus.RUNNING, 7, null, null), null, 80)).containsExactly(
                "RUNNING  orders-dlq → each message's origin  limit 50/s  native",
                "7 moved  ETA ?  ? msg/s  elapsed 1m04s");
    }

    @Test
    void failedShowsItsReason() {
        assertThat(lines(task(TaskStatus.FAILED, 10, 300L, null), null, 40)).containsExactly(
                "FAILED  orders-dlq → each mess…s origin",
                "[█░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]    3%",
                "10/300 moved  took 1m04s",
                "reason: CouldNotDetermineMessageSource");
    }

    @Test
    void asciiWhereTheTerminalCannotEncodeUnicode() {
        assertThat(Glyphs.forCharset(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(Glyphs.ASCII);
        assertThat(Glyphs.forCharset(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Glyphs.UNICODE);
        assertThat(ProgressLayout.lines(task(TaskStatus.RUNNING, 150, 300L, DEST), 10.0, NOW, 40, Glyphs.ASCII))
                .containsExactly("RUNNING  orders-dlq -> orders",
                        "[###############----------------]   50%",
                        "150/300 moved  ETA 15s  10.0 msg/s");
    }

    @Test
    void percentNeverSays100BeforeTheEnd() {
        assertThat(ProgressLayout.percent(task(TaskStatus.RUNNING, 299, 300L, null))).isEqualTo(99);
        assertThat(ProgressLayout.percent(task(TaskStatus.RUNNING, 300, 300L, null))).isEqualTo(100);
        assertThat(ProgressLayout.percent(task(TaskStatus.RUNNING, 0, 0L, null))).isZero();
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(ProgressLayout.duration(java.time.Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ProgressLayout.duration(java.time.Duration.ofSeconds(303))).isEqualTo("5m03s");
        assertThat(ProgressLayout.duration(java.time.Duration.ofSeconds(7500))).isEqualTo("2h05m");
    }
}
