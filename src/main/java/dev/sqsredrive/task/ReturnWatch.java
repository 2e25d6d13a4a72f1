package dev.sqsredrive.task;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.sqsredrive.mover.guard.DepthGrowth;
import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.mover.guard.ReturnBreaker;

/**
 * The circuit breaker for a native move task, which SQS cannot stop when the moved messages come back: while
 * `start --mode native --watch --max-returned ...` follows the task, each poll reads the DLQ's depth and counts
 * its growth as returned ({@link DepthGrowth}: above its lowest point, or above what the task's moved count
 * should have left), and past the bound cancels the task once and keeps the reason, for the watcher to print and end FAILED (exit 4).
 */
public final class ReturnWatch {

    private final ReturnBreaker breaker;
    private final LongSupplier dlqDepth;
    private final Consumer<String> cancel;
    private final Clock clock;
    private final DepthGrowth growth = new DepthGrowth();
    private String reason;

    /** @param cancel cancels the task of the handle given (CancelMessageMoveTask, recorded as cancelled here) */
    public ReturnWatch(MaxReturned bound, LongSupplier dlqDepth, Consumer<String> cancel, Clock clock) {
        this.breaker = new ReturnBreaker(bound);
        this.dlqDepth = dlqDepth;
        this.cancel = cancel;
        this.clock = clock;
    }

    /** Called with each poll of the task; reads the DLQ only while the task runs and until it tripped. */
    public void poll(MoveTask task) {
        if (reason != null || task.status() != TaskStatus.RUNNING) {
            return;
        }
        long back = growth.read(dlqDepth.getAsLong(), task.moved());
        if (!breaker.tripped(task.moved(), back)) {
            return;
        }
        Duration within = task.startedAt() == null ? Duration.ZERO : Duration.between(task.startedAt(), clock.instant());
        reason = ReturnBreaker.message(task.moved(), back, within);
        try {
            cancel.accept(task.taskHandle());
            reason = "cancelled the move task: " + reason;
        } catch (RuntimeException e) {
            // It may have ended between the poll and the cancel; what came back is still the verdict.
            reason = reason + " (cancelling the task failed: " + e.getMessage() + ")";
        }
    }

    /** Why the task was cancelled; empty while the bound holds. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
