package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.guard.MaxReturned;
import org.junit.jupiter.api.Test;

/**
 * The native breaker's decisions on scripted depths and counts: exact numbers that ElasticMQ's approximate
 * counts cannot pin down (NativeReturnWatchTest runs it end to end against ElasticMQ).
 */
class ReturnWatchTest {

    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
    private final FakeClock clock = new FakeClock(START.plusSeconds(42));
    private final Deque<Long> depths = new ArrayDeque<>();
    private final List<String> cancelled = new ArrayList<>();

    private ReturnWatch watch(String bound) {
        return new ReturnWatch(MaxReturned.parse(bound), depths::poll, cancelled::add, clock);
    }

    private static MoveTask task(TaskStatus status, long moved) {
        return new MoveTask("h-1", MoveTask.Kind.NATIVE, status, "arn:aws:sqs:eu-west-1:111111111111:dlq", null, null,
                moved, 100L, null, START);
    }

    @Test
    void pastTheBoundItCancelsTheTaskOnceAndSaysWhy() {
        ReturnWatch w = watch("5");
        depths.addAll(List.of(100L, 95L, 96L, 101L));
        w.poll(task(TaskStatus.RUNNING, 0));
        w.poll(task(TaskStatus.RUNNING, 10)); // five back already
        assertThat(w.reason()).isEmpty();
        w.poll(task(TaskStatus.RUNNING, 20)); // sixteen
        assertThat(cancelled).containsExactly("h-1");
        assertThat(w.reason()).contains("cancelled the move task: 16 of the 20 messages moved came back to the DLQ"
                + " within 42 s: its consumer is still failing them; the rest stay in the DLQ");
        w.poll(task(TaskStatus.RUNNING, 30));
        assertThat(cancelled).as("one cancel").hasSize(1);
        assertThat(depths).as("no reading once tripped").hasSize(1);
    }

    @Test
    void readsNothingOnceTheTaskEnded() {
        ReturnWatch w = watch("0");
        w.poll(task(TaskStatus.COMPLETED, 100));
        w.poll(task(TaskStatus.CANCELLING, 100));
        assertThat(w.reason()).isEmpty();
        assertThat(cancelled).isEmpty();
    }

    @Test
    void aTaskThatEndedBeforeItsCancelStillEndsWithTheVerdict() {
        ReturnWatch w = new ReturnWatch(MaxReturned.parse("0"), () -> 3, handle -> {
            throw RedriveException.usage("task 'h-1' is not running");
        }, clock);
        w.poll(task(TaskStatus.RUNNING, 0));
        w.poll(task(TaskStatus.RUNNING, 2));
        assertThat(w.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("2 of the 2 messages moved")
                .endsWith("(cancelling the task failed: task 'h-1' is not running)"));
    }
}
