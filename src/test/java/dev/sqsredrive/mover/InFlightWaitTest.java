package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.mover.sqs.SqsFailures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * After a crash the DLQ looks drained while a killed run's messages are still hidden: the run waits for them,
 * says so once, and for at most {@link InFlightWait#MAX_WAIT}; a count it cannot read ends the wait.
 */
class InFlightWaitTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicLong inQueue = new AtomicLong();
    private final AtomicLong heldHere = new AtomicLong();
    private final List<Long> said = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void onProgress(MoveProgress progress) {
        }

        @Override
        public void onWaitingForInFlight(long inFlight, Duration upTo) {
            said.add(inFlight);
        }
    };
    private final InFlightWait wait = new InFlightWait(inQueue::get, heldHere::get, now::get, SqsFailures.INSTANCE);

    @Test
    void nothingHiddenElsewhereMeansNoWait() {
        inQueue.set(5);
        heldHere.set(5);

        assertThat(wait.keepWaiting(listener)).isFalse();
        assertThat(said).isEmpty();
    }

    @Test
    void waitsForAnotherRunsMessagesSaysSoOnceAndGivesUpAfterTheMaximum() {
        inQueue.set(12);
        heldHere.set(2);

        assertThat(wait.keepWaiting(listener)).isTrue();
        now.addAndGet(InFlightWait.MAX_WAIT.toNanos());
        assertThat(wait.keepWaiting(listener)).as("at the maximum still").isTrue();
        now.addAndGet(1);
        assertThat(wait.keepWaiting(listener)).as("past it").isFalse();
        assertThat(said).as("said once, with the 10 held elsewhere").containsExactly(10L);
    }

    @Test
    void aCountThatFailsEndsTheWait() {
        InFlightWait failing = new InFlightWait(() -> {
            throw SdkClientException.create("connection refused");
        }, heldHere::get, now::get, SqsFailures.INSTANCE);

        assertThat(failing.keepWaiting(listener)).isFalse();
    }
}
