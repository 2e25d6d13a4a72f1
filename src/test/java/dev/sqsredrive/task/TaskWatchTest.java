package dev.sqsredrive.task;

import static dev.sqsredrive.task.ScriptedTasks.DLQ;
import static dev.sqsredrive.task.ScriptedTasks.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch loop on a fake clock: no real sleeping, exact timings. */
class TaskWatchTest {

    static final String HANDLE = "h-1";
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path stateDir;

    final FakeClock clock = new FakeClock(T0);
    final ScriptedTasks sqs = new ScriptedTasks();
    final List<MoveTask> shown = new ArrayList<>();

    TaskWatch.Result watch(Duration interval, Duration timeout) throws InterruptedException {
        TaskTracker tracker = new TaskTracker(arn -> sqs, new LocalTasks(stateDir, line -> { }, clock), DLQ, MoveTask.Kind.NATIVE, HANDLE,
                null);
        return new TaskWatch(clock, clock.sleeper()).run(tracker, interval, timeout, shown::add);
    }

    @Test
    void endsAtTheFirstTerminalStatusShowingEachChangeOnce() throws InterruptedException {
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 1, T0)).then(task(HANDLE, TaskStatus.RUNNING, 1, T0))
                .then(task(HANDLE, TaskStatus.RUNNING, 7, T0)).then(task(HANDLE, TaskStatus.COMPLETED, 9, T0));

        TaskWatch.Result r = watch(Duration.ofSeconds(2), null);

        assertThat(r.timedOut()).isFalse();
        assertThat(r.last().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(shown).extracting(MoveTask::moved).containsExactly(1L, 7L, 9L);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void theTimeoutEndsTheWatchNotTheTaskAndTheLastWaitIsCutToFit() throws InterruptedException {
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 4, T0));

        TaskWatch.Result r = watch(Duration.ofSeconds(3), Duration.ofSeconds(10));

        assertThat(r.timedOut()).isTrue();
        assertThat(r.last().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
        assertThat(shown).hasSize(1);
    }

    @Test
    void aTaskThatEndsBeforeTheTimeoutIsNotATimeout() throws InterruptedException {
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 4, T0)).then(task(HANDLE, TaskStatus.CANCELLED, 5, T0));

        TaskWatch.Result r = watch(Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertThat(r.timedOut()).isFalse();
        assertThat(r.last().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void aTimeoutBeyondTheEndOfTimeMeansNoTimeout() throws InterruptedException {
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 4, T0)).then(task(HANDLE, TaskStatus.FAILED, 5, T0));

        TaskWatch.Result r = watch(Duration.ofSeconds(1), Duration.ofSeconds(Long.MAX_VALUE));

        assertThat(r.timedOut()).isFalse();
        assertThat(r.last().failureReason()).isEqualTo("CouldNotDetermineMessageSource");
    }
}
