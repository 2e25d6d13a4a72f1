package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.mover.guard.Backpressure;
import dev.sqsredrive.mover.guard.Canary;
import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.mover.guard.ReturnBreaker;
import dev.sqsredrive.mover.sqs.SqsFailures;
import org.junit.jupiter.api.Test;

/**
 * What the operator is told while the guards hold a run, tick by tick on a fake clock: the canary's verdict
 * once, returns seen only in the DLQ's depth while it waits (nothing is received then), a failed canary
 * stopping the run with its verdict as the run's line, and a backpressure pause said when it starts and ends.
 */
class GuardWatchTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicLong dlqDepth = new AtomicLong(100);
    private final AtomicBoolean depthUnreadable = new AtomicBoolean();
    private final RunLedger ledger = new RunLedger(false);
    private final RunStop stop = new RunStop(now::get, new NoBackoff(), Duration.ofSeconds(5));
    private final NotedLines listener = new NotedLines();
    private final List<String> notes = listener.lines;
    private final Source dlq = new StubSource() {
        @Override
        public long approximateMessages() {
            if (depthUnreadable.get()) {
                throw BatchMoverTest.awsError(503, "ServiceUnavailable");
            }
            return dlqDepth.get();
        }
    };

    private GuardWatch watch(Canary canary, Backpressure pressure) {
        OnePass onePass = new OnePass(ledger, new ReturnBreaker(MaxReturned.DEFAULT), canary, now::get, false);
        return new GuardWatch(onePass, pressure, dlq, SqsFailures.INSTANCE, ledger, stop);
    }

    @Test
    void returnsSeenInTheDepthWhileTheCanaryWaitsFailItOnceAndStopTheRun() {
        Canary canary = new Canary(10, Duration.ofSeconds(60), 0, now::get);
        GuardWatch watch = watch(canary, null);
        watch.start(); // the DLQ holds 100
        canary.moved(10);
        ledger.deleted(10);
        dlqDepth.set(90);
        watch.tick(listener);
        depthUnreadable.set(true); // throttled: this tick reads nothing, the wait goes on
        watch.tick(listener);
        assertThat(notes).isEmpty();
        assertThat(stop.reason()).isNull();
        assertThat(watch.viewLines()).containsExactly("canary: 10 moved, waiting 1 min, 0 back");

        depthUnreadable.set(false);
        dlqDepth.set(92); // two of the ten dead-lettered again
        watch.tick(listener);
        watch.tick(listener);

        assertThat(canary.phase()).isEqualTo(Canary.Phase.FAILED);
        assertThat(notes).as("said once").singleElement().asString().startsWith("canary: ").contains("10", "2");
        assertThat(stop.reason()).isEqualTo(StopReason.RETURNED);
        assertThat(watch.stoppedLine()).isEqualTo(notes.getFirst());
        assertThat(watch.viewLines()).isEmpty();
    }

    @Test
    void aCanaryWhoseMessagesStayAwayPassesWithOneLineAndTheRunGoesOn() {
        Canary canary = new Canary(10, Duration.ofSeconds(60), 0, now::get);
        GuardWatch watch = watch(canary, null);
        watch.start();
        canary.moved(10);
        ledger.deleted(10);
        dlqDepth.set(90);
        watch.tick(listener);

        now.set(Duration.ofSeconds(61).toNanos());
        watch.tick(listener);
        watch.tick(listener);

        assertThat(notes).containsExactly("canary: none of the 10 messages moved came back within 1 min: moving"
                + " the rest");
        assertThat(stop.reason()).isNull();
    }

    @Test
    void aBackpressurePauseIsSaidWhenItStartsAndWhenItEnds() throws Exception {
        Backpressure pressure = new Backpressure(1_000, now::get, new NoBackoff());
        GuardWatch watch = watch(null, pressure);
        AtomicLong ordersBacklog = new AtomicLong(1_240);
        Backpressure.Gate orders = pressure.gate("orders", ordersBacklog::get);
        AtomicBoolean stopped = new AtomicBoolean();
        assertThat(orders.admit(() -> stopped.getAndSet(true), 10)).as("held back, then the run stopped").isFalse();

        watch.tick(listener);
        watch.tick(listener);

        assertThat(notes).containsExactly("backpressure paused: orders backlog 1,240 \u2265 1,000");
        assertThat(watch.viewLines()).containsExactly("paused: orders backlog 1,240 \u2265 1,000");

        ordersBacklog.set(400);
        now.addAndGet(Backpressure.POLL.toNanos());
        assertThat(orders.admit(() -> false, 10)).isTrue();
        watch.tick(listener);
        watch.tick(listener);

        assertThat(notes).containsExactly("backpressure paused: orders backlog 1,240 \u2265 1,000",
                "backpressure: sending again");
        assertThat(watch.viewLines()).isEmpty();
    }
}
