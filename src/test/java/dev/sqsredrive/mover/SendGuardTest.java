package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sqsredrive.mover.guard.Backpressure;
import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.time.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The guards' admissions: each send's turn is reported once, by whoever holds it, and a turn the next guard
 * refuses is handed back, so that --max-backlog does not count as under way a send that never went.
 */
@Timeout(10)
class SendGuardTest {

    private static final Destination DEST = new Destination("http://q/dest", "arn:aws:sqs:us-east-1:1:dest", false,
            1024);

    private final AtomicInteger reported = new AtomicInteger();
    private final SendGuard counting = n -> SendGuard.Admission.of(reported::incrementAndGet);

    @Test
    void anAdmissionReportsItsSendOnce() throws Exception {
        SendGuard.Admission a = counting.await(10);
        a.sent();
        a.sent();

        assertThat(reported).hasValue(1);
    }

    @Test
    void aTurnTheNextGuardRefusesIsHandedBack() throws Exception {
        SendGuard both = counting.then(SendGuard.unless(() -> true));

        assertThat(both.await(DEST, 10).admitted()).isFalse();
        assertThat(reported).as("the first guard's turn handed back").hasValue(1);
    }

    @Test
    void bothGuardsHearOfTheSend() throws Exception {
        AtomicInteger second = new AtomicInteger();
        SendGuard both = counting.then(n -> SendGuard.Admission.of(second::incrementAndGet));

        both.await(DEST, 10).sent();

        assertThat(reported).hasValue(1);
        assertThat(second).hasValue(1);
    }

    /**
     * --max-backlog 10 before a rate that refuses (the run stopping): the backlog's gate let 10 through, the
     * rate said no, and the next reading a second later must not count those 10 as still on their way. Before,
     * the gate's count of sends under way kept them for good, and the destination looked full for the rest of
     * the run.
     */
    @Test
    void aBacklogTurnRefusedByTheRateIsNotCountedAsUnderWay() throws Exception {
        AtomicInteger now = new AtomicInteger();
        Sleeper sleeper = d -> {
            if (now.addAndGet((int) d.toMillis()) > 10_000) {
                throw new IllegalStateException("the destination still looks full after 10 s");
            }
        };
        Backpressure pressure = new Backpressure(10, () -> now.get() * 1_000_000L, sleeper);
        Sink empty = new EmptySink();
        BacklogGuard backlog = new BacklogGuard(pressure, 10, d -> empty, SqsFailures.INSTANCE, () -> false);

        assertThat(backlog.then(SendGuard.unless(() -> true)).await(DEST, 10).admitted()).isFalse();

        assertThat(backlog.await(DEST, 10).admitted()).as("admitted at the next reading").isTrue();
        assertThat(Duration.ofMillis(now.get())).isLessThanOrEqualTo(Backpressure.POLL);
    }

    /** A destination that always holds nothing visible. */
    private static final class EmptySink implements Sink {
        @Override
        public BatchResult send(java.util.List<Entry> entries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long visibleDepth() {
            return 0;
        }

        @Override
        public String endpoint() {
            return "test";
        }
    }
}
