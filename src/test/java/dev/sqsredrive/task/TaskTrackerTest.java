package dev.sqsredrive.task;

import static dev.sqsredrive.task.ScriptedTasks.DLQ;
import static dev.sqsredrive.task.ScriptedTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;

import dev.sqsredrive.aws.RedriveException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a native task across the AWS behaviours ElasticMQ does not have. */
class TaskTrackerTest {

    static final String HANDLE = "eyJ0YXNrSWQiOiIxIn0=";
    static final Instant STARTED = Instant.parse("2026-11-23T07:00:00.123Z");
    static final Instant EARLIER = Instant.parse("2026-11-22T18:00:00Z");

    @TempDir
    Path stateDir;

    LocalTasks local;
    ScriptedTasks sqs;

    @BeforeEach
    void setUp() {
        local = new LocalTasks(stateDir, line -> { }, new FakeClock(STARTED));
        sqs = new ScriptedTasks();
    }

    TaskTracker byHandle(Instant recordedStart) {
        return new TaskTracker(arn -> sqs, local, DLQ, MoveTask.Kind.NATIVE, HANDLE, recordedStart);
    }

    @Test
    void onceAwsDropsTheHandleTheTaskIsRecognisedByItsStartTime() {
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 40, STARTED), task(null, TaskStatus.COMPLETED, 100, EARLIER))
                .then(task(HANDLE, TaskStatus.COMPLETED, 97, STARTED), task(null, TaskStatus.COMPLETED, 100, EARLIER));
        TaskTracker tracker = byHandle(null);

        MoveTask running = tracker.poll();
        assertThat(running.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(running.moved()).isEqualTo(40);

        MoveTask done = tracker.poll();
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.moved()).as("this task's count, not the older task's").isEqualTo(97);
        assertThat(done.taskHandle()).as("the handle AWS no longer lists is kept").isEqualTo(HANDLE);
        assertThat(sqs.askedFor).containsOnly(DLQ);
    }

    @Test
    void aRecordedStartTimeFromThisMachinesClockGivesWayToTheOneAwsReports() {
        Instant localClock = STARTED.plusMillis(850); // start() could not list the new task yet
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 10, STARTED))
                .then(task(HANDLE, TaskStatus.COMPLETED, 100, STARTED));
        TaskTracker tracker = byHandle(localClock);

        assertThat(tracker.poll().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(tracker.poll().status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void aTaskStartedLaterBySomeoneElseIsNotMistakenForOurs() {
        Instant later = STARTED.plusSeconds(600);
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 10, STARTED))
                .then(task("other-handle", TaskStatus.RUNNING, 3, later), task(HANDLE, TaskStatus.FAILED, 50, STARTED));
        TaskTracker tracker = byHandle(null);

        tracker.poll();
        MoveTask ours = tracker.poll();
        assertThat(ours.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(ours.failureReason()).isEqualTo("CouldNotDetermineMessageSource");
        assertThat(ours.taskHandle()).isEqualTo(HANDLE);
    }

    @Test
    void aTaskThatVanishedAfterACancelRecordedHereReadsAsCancelled() {
        local.save(new LocalTask(task(HANDLE, TaskStatus.RUNNING, 0, STARTED), true, null, STARTED));
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 12, STARTED)).then();
        TaskTracker tracker = byHandle(STARTED);

        tracker.poll();
        MoveTask cancelled = tracker.poll();
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.moved()).as("the count last seen").isEqualTo(12);
        assertThat(cancelled.taskHandle()).isEqualTo(HANDLE);
        assertThat(cancelled.failureReason()).isNull();
    }

    @Test
    void aTaskCancelledHereThatWasNeverSeenReadsAsCancelledToo() {
        local.save(new LocalTask(task(HANDLE, TaskStatus.RUNNING, 0, STARTED), true, null, STARTED));
        sqs.then();

        MoveTask cancelled = byHandle(STARTED).poll();
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.sourceArn()).isEqualTo(DLQ);
    }

    @Test
    void aTaskThatVanishedOtherwiseIsAnErrorNotAGuess() {
        local.save(new LocalTask(task(HANDLE, TaskStatus.RUNNING, 0, STARTED), false, null, STARTED));
        sqs.then(task(HANDLE, TaskStatus.RUNNING, 12, STARTED)).then(task("newer", TaskStatus.RUNNING, 1, STARTED
                .plusSeconds(60)));
        TaskTracker tracker = byHandle(STARTED);

        tracker.poll();
        assertThatThrownBy(tracker::poll).isInstanceOfSatisfying(RedriveException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedriveException.Kind.AWS))
                .hasMessage("task '" + HANDLE + "' is not among the last 10 move tasks of 'orders-dlq'");
    }

    @Test
    void anAwsHandleFirstSeenAfterItsTaskEndedCannotBeFollowed() {
        sqs.then(task(HANDLE, TaskStatus.COMPLETED, 100, STARTED)); // listed without its handle
        assertThatThrownBy(() -> byHandle(null).poll()).isInstanceOf(RedriveException.class)
                .hasMessageContaining("is not among the last 10");
    }

    @Test
    void followingASourceTakesItsRunningTaskThenKeepsToIt() {
        sqs.then(task(null, TaskStatus.COMPLETED, 100, EARLIER), task(HANDLE, TaskStatus.RUNNING, 5, STARTED))
                .then(task(HANDLE, TaskStatus.CANCELLED, 60, STARTED), task(null, TaskStatus.COMPLETED, 100, EARLIER));
        TaskTracker tracker = new TaskTracker(arn -> sqs, local, DLQ, MoveTask.Kind.NATIVE, null, null);

        assertThat(tracker.poll().taskHandle()).isEqualTo(HANDLE);
        MoveTask last = tracker.poll();
        assertThat(last.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(last.moved()).isEqualTo(60);
        assertThat(last.taskHandle()).isEqualTo(HANDLE);
    }

    @Test
    void followingASourceWithNothingRunningTakesItsMostRecentTask() {
        sqs.then(task(null, TaskStatus.FAILED, 3, STARTED), task(null, TaskStatus.COMPLETED, 100, EARLIER));
        MoveTask t = new TaskTracker(arn -> sqs, local, DLQ, MoveTask.Kind.NATIVE, null, null).poll();
        assertThat(t.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(t.startedAt()).isEqualTo(STARTED);
    }
}
