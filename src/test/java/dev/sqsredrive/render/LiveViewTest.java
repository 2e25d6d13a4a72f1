package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    private static MoveTask task(TaskStatus status, long moved) {
        return new MoveTask("h", MoveTask.Kind.CLIENT, status, "arn:aws:sqs:eu-west-1:123456789012:orders-dlq",
                null, null, moved, 100L, null, T0);
    }

    @Test
    void measuresTheRateFromSuccessivePollsAndRedrawsOnResize() {
        RecordingScreen screen = new RecordingScreen();
        try (LiveView view = new LiveView(screen, Style.plain())) {
            view.show(task(TaskStatus.RUNNING, 0), T0);
            view.show(task(TaskStatus.RUNNING, 20), T0.plusSeconds(2));
            screen.width = 30;
            screen.resize.run();
        }
        assertThat(screen.frames).hasSize(3);
        assertThat(screen.frames.get(0).get(2)).isEqualTo("0/100 moved  ETA ?  ? msg/s  elapsed 0s");
        assertThat(screen.frames.get(1).get(2)).isEqualTo("20/100 moved  ETA 8s  10.0 msg/s  elapsed 2s");
        assertThat(screen.frames.get(2)).allSatisfy(l -> assertThat(l.length()).isLessThan(30));
        assertThat(screen.frames.get(2).get(0)).isEqualTo("RUNNING  orde…dlq → each…igin");
        assertThat(screen.closed).isTrue();
    }

    @Test
    void tookIsShownOnlyWhenTheEndWasSeen() {
        RecordingScreen seen = new RecordingScreen();
        LiveView view = new LiveView(seen, Style.plain());
        view.show(task(TaskStatus.RUNNING, 90), T0.plusSeconds(9));
        view.show(task(TaskStatus.COMPLETED, 100), T0.plusSeconds(10));
        view.show(task(TaskStatus.COMPLETED, 100), T0.plusSeconds(30)); // a later poll does not stretch it
        assertThat(seen.frames.get(2).get(2)).isEqualTo("100/100 moved  took 10s");

        RecordingScreen late = new RecordingScreen();
        new LiveView(late, Style.plain()).show(task(TaskStatus.COMPLETED, 100), T0.plusSeconds(86_400));
        assertThat(late.frames.get(0).get(2)).isEqualTo("100/100 moved");
    }

    @Test
    void colourOnlyOnTheStatusAndOnlyWhenStyleAllows() {
        RecordingScreen coloured = new RecordingScreen();
        new LiveView(coloured, Style.detect(true, false, Map.of())).show(task(TaskStatus.COMPLETED, 100), T0);
        assertThat(coloured.frames.get(0).get(0)).startsWith("\u001b[32mCOMPLETED\u001b[0m  orders-dlq");

        RecordingScreen noColor = new RecordingScreen();
        new LiveView(noColor, Style.detect(true, false, Map.of("NO_COLOR", "1"))).show(task(TaskStatus.COMPLETED, 100), T0);
        assertThat(noColor.frames.get(0).get(0)).startsWith("COMPLETED  orders-dlq").doesNotContain("\u001b");
    }

    @Test
    void asciiOnAScreenThatCannotShowUnicode() {
        RecordingScreen screen = new RecordingScreen();
        screen.charset = StandardCharsets.US_ASCII;
        new LiveView(screen, Style.plain()).show(task(TaskStatus.RUNNING, 50), T0);
        assertThat(screen.frames.get(0).get(0)).isEqualTo("RUNNING  orders-dlq -> each message's origin  no limit  client");
        assertThat(screen.frames.get(0).get(1)).startsWith("[#").contains("-]").endsWith(" 50%");
    }
}
