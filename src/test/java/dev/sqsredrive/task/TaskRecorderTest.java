package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.sqsredrive.mover.LeftBehind;
import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.mover.MoveSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel from another shell against the mover rewriting its record about once a second: the cancel
 * must never be lost, whenever it lands, and must not outlive the task it was meant for.
 */
class TaskRecorderTest {

    static final String HANDLE = "client-race";
    static final Instant STARTED = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path stateDir;

    LocalTasks local;
    FakeClock clock;
    AtomicInteger stops;
    TaskRecorder recorder;

    @BeforeEach
    void setUp() {
        clock = new FakeClock(STARTED);
        local = new LocalTasks(stateDir, line -> { }, clock);
        stops = new AtomicInteger();
        recorder = newRecorder();
        recorder.start();
    }

    private TaskRecorder newRecorder() {
        MoveTask task = new MoveTask(HANDLE, MoveTask.Kind.CLIENT, TaskStatus.RUNNING,
                "arn:aws:sqs:eu-west-1:123456789012:orders-dlq", null, null, 0, 100L, null, STARTED);
        return new TaskRecorder(local, clock, task, stops::incrementAndGet, e -> {
            throw e;
        });
    }

    /** What `redrive cancel HANDLE` does in another shell. */
    private void cancelFromAnotherShell() {
        new TaskCanceller(arn -> {
            throw new AssertionError("a client-side cancel asks no endpoint");
        }, local, null, clock).cancel(HANDLE);
    }

    /** The status `redrive list` and `redrive watch` show. */
    private TaskStatus listed() {
        return local.live(local.find(HANDLE).orElseThrow()).status();
    }

    private static MoveProgress progress(long moved) {
        return new MoveProgress(moved, 0, 0, 100L, Duration.ofSeconds(moved));
    }

    @Test
    void aCancelLandingBetweenTheMoversReadAndItsWriteIsNotLost() {
        // The recorder has read the record (no cancel yet) and stamps the new one: the cancel lands right then.
        clock.beforeNextRead(this::cancelFromAnotherShell);
        recorder.onProgress(progress(5));
        assertThat(clock.ranBeforeRead()).as("the cancel ran inside the recorder's save").isTrue();

        recorder.onProgress(progress(6));
        assertThat(stops.get()).as("the mover was told to stop").isPositive();
        assertThat(listed()).as("list/watch while the cancel is pending").isEqualTo(TaskStatus.CANCELLING);
    }

    @Test
    void aCancelBetweenTwoProgressesStopsTheMoverAndEndsAsCancelledLeavingOnlyTheRecord() throws IOException {
        recorder.onProgress(progress(3));
        cancelFromAnotherShell();
        assertThat(listed()).isEqualTo(TaskStatus.CANCELLING);
        recorder.onProgress(progress(4));
        assertThat(stops.get()).isEqualTo(1);
        assertThat(listed()).as("still stopping").isEqualTo(TaskStatus.CANCELLING);

        MoveTask end = recorder.finish(summary(MoveSummary.Outcome.CANCELLED, 4));

        assertThat(end.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(listed()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(local.find(HANDLE).orElseThrow().cancelRequested()).as("the end record keeps why").isTrue();
        assertThat(filesIn(local.directory())).as("nothing but the record is left").hasSize(1);
    }

    @Test
    void aResumedRunIsNotStoppedByTheCancelOfTheRunItCarriesOn() {
        cancelFromAnotherShell();
        recorder.onProgress(progress(2));
        recorder.finish(summary(MoveSummary.Outcome.CANCELLED, 2));
        stops.set(0);

        TaskRecorder resumed = newRecorder();
        resumed.start();
        resumed.onProgress(progress(1));

        assertThat(stops.get()).isZero();
        assertThat(listed()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void aCancelLandingWhileTheEndIsWrittenLeavesATaskThatFinishedFirstCompletedAndNoMarkBehind()
            throws IOException {
        recorder.onProgress(progress(7));
        clock.beforeNextRead(this::cancelFromAnotherShell); // lands while the end is being written
        recorder.finish(summary(MoveSummary.Outcome.COMPLETED, 7));

        assertThat(listed()).as("a task that finished first is not CANCELLED").isEqualTo(TaskStatus.COMPLETED);
        assertThat(filesIn(local.directory())).as("nothing but the record is left").hasSize(1);
    }

    @Test
    void theMoverRefreshesAnUnchangedRecordSoThatOnlyARecordNobodyRefreshesIsStale() throws InterruptedException {
        recorder.onProgress(progress(3));
        clock.sleeper().sleep(ClientTaskLiveness.HEARTBEAT);
        recorder.onProgress(progress(3)); // nothing moved, and yet the record is rewritten: the heartbeat
        assertThat(local.find(HANDLE).orElseThrow().updatedAt()).isEqualTo(STARTED.plus(ClientTaskLiveness.HEARTBEAT));

        clock.sleeper().sleep(ClientTaskLiveness.STALE);
        assertThat(listed()).as("exactly at the bound").isEqualTo(TaskStatus.RUNNING);
        clock.sleeper().sleep(Duration.ofSeconds(1));
        assertThat(listed()).as("past the bound, though the process lives").isEqualTo(TaskStatus.FAILED);
        recorder.onProgress(progress(3));
        assertThat(listed()).as("refreshed again").isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void theRecordNamesThisProcessByPidAndStartStamp() {
        LocalTask r = local.find(HANDLE).orElseThrow();
        assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(r.pidStart()).isNotBlank().isEqualTo(MoverProcess.start(ProcessHandle.current().pid()).orElseThrow());
        assertThat(MoverProcess.alive(r.pid(), r.pidStart())).isTrue();
        assertThat(MoverProcess.alive(r.pid(), r.pidStart() + "0")).as("another start: a reused pid").isFalse();
    }

    @Test
    void theRecordCarriesTheReturnsWhileRunningAndAtTheEndAndTheirJsonToo() {
        recorder.onProgress(new MoveProgress(8, 0, 0, 100L, Duration.ofSeconds(2), 2, List.of()));
        assertThat(local.find(HANDLE).orElseThrow().task().returned()).as("running").isEqualTo(2);

        recorder.finish(new MoveSummary(MoveSummary.Outcome.INCOMPLETE,
                new MoveSummary.Counts(9, 0, 0, 0, 0, Map.of(), 3), MoveSummary.Timing.NONE, LeftBehind.NONE,
                null, null));

        MoveTask ended = local.find(HANDLE).orElseThrow().task();
        assertThat(ended.returned()).as("at the end").isEqualTo(3);
        assertThat(TaskCodec.toJson(ended).get("returned").asLong()).isEqualTo(3);
        assertThat(TaskCodec.fromJson(TaskCodec.toJson(ended))).isEqualTo(ended);
    }

    private static MoveSummary summary(MoveSummary.Outcome outcome, long moved) {
        return new MoveSummary(outcome, MoveSummary.Counts.moved(moved), MoveSummary.Timing.NONE, LeftBehind.NONE, null, null);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
