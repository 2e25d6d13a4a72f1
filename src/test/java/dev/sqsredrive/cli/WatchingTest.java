package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import dev.sqsredrive.render.Output;
import dev.sqsredrive.render.Style;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import dev.sqsredrive.task.TaskWatch;
import org.junit.jupiter.api.Test;

/** How a watched task ended becomes the exit code, with the reason on stderr where there is one. */
class WatchingTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Output output = new Output(new PrintWriter(out), new PrintWriter(err), false, false, Style.plain());

    private static MoveTask task(TaskStatus status, String handle, String reason) {
        return new MoveTask(handle, MoveTask.Kind.NATIVE, status, "arn:aws:sqs:eu-west-1:123456789012:dlq", null,
                null, 3, 10L, reason, Instant.EPOCH);
    }

    private int exitCode(MoveTask last, boolean timedOut) {
        return Watching.exitCode(output, new TaskWatch.Result(last, timedOut));
    }

    @Test
    void completedIsZeroAndQuiet() {
        assertThat(exitCode(task(TaskStatus.COMPLETED, null, null), false)).isEqualTo(ExitCode.OK.code());
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void failedIsFourAndPrintsTheFailureReason() {
        assertThat(exitCode(task(TaskStatus.FAILED, null, "CouldNotDetermineMessageSource"), false)).isEqualTo(4);
        assertThat(err.toString().strip()).isEqualTo("redrive: task FAILED: CouldNotDetermineMessageSource");
    }

    @Test
    void failedWithoutAReasonSaysSo() {
        assertThat(exitCode(task(TaskStatus.FAILED, null, null), false)).isEqualTo(4);
        assertThat(err.toString()).contains("task FAILED: no reason given");
    }

    @Test
    void cancelledIsFive() {
        assertThat(exitCode(task(TaskStatus.CANCELLED, null, null), false)).isEqualTo(5);
    }

    @Test
    void aTimeoutIsSixAndSaysTheTaskGoesOnAndHowToStopIt() {
        assertThat(exitCode(task(TaskStatus.RUNNING, "h-1", null), true)).isEqualTo(6);
        assertThat(err.toString().strip()).isEqualTo(
                "redrive: still RUNNING when --timeout passed; the task goes on ('redrive cancel h-1' stops it)");
    }
}
