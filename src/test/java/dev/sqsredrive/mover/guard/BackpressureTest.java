package dev.sqsredrive.mover.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

class BackpressureTest {

    private final FakeTime time = new FakeTime();
    private final Backpressure backpressure = new Backpressure(1_000, time, time.sleeper());

    /** A queue whose depth readings follow a script, counted; the last reading repeats. */
    private static final class Depths implements LongSupplier {
        private final Deque<Long> script = new ArrayDeque<>();
        int reads;

        Depths(long... depths) {
            for (long d : depths) {
                script.add(d);
            }
        }

        @Override
        public long getAsLong() {
            reads++;
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    @Test
    void belowTheBoundSendsGoOnAndOneReadServesASecond() throws InterruptedException {
        Depths orders = new Depths(999);
        Backpressure.Gate gate = backpressure.gate("orders", orders);
        for (int i = 0; i < 50; i++) {
            assertThat(gate.await(() -> false)).isTrue();
        }
        assertThat(orders.reads).as("fifty sends within one second, one read").isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        gate.await(() -> false);
        assertThat(orders.reads).isEqualTo(2);
        assertThat(backpressure.status()).isEmpty();
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void atTheBoundSendsPauseUntilTheBacklogDropsBelowReadingOnceASecond() throws InterruptedException {
        Depths orders = new Depths(1_240, 1_000, 999);
        Backpressure.Gate gate = backpressure.gate("orders", orders);
        List<String> shown = new ArrayList<>();
        time.onSleep(() -> shown.add(backpressure.status().orElse("")));
        assertThat(gate.await(() -> false)).isTrue();
        assertThat(orders.reads).isEqualTo(3);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(shown).containsExactly("paused: orders backlog 1,240 \u2265 1,000",
                "paused: orders backlog 1,000 \u2265 1,000");
        assertThat(backpressure.status()).as("no longer paused").isEmpty();
    }

    @Test
    void aStoppingRunEndsThePauseWithinASecondAndSendsNothing() throws InterruptedException {
        Backpressure.Gate gate = backpressure.gate("orders", new Depths(5_000));
        long start = time.nanos();
        assertThat(gate.await(() -> time.nanos() - start >= Duration.ofSeconds(3).toNanos())).isFalse();
        assertThat(time.sleeps).hasSize(3).allMatch(d -> d.compareTo(Backpressure.POLL) <= 0);
    }

    @Test
    void aFullDestinationHoldsBackOnlyItsOwnSends() throws InterruptedException {
        backpressure.gate("orders", new Depths(2_000));
        Backpressure.Gate payments = backpressure.gate("payments", new Depths(10));
        backpressure.gate("refunds", new Depths(3_000));
        assertThat(payments.await(() -> false)).isTrue();
        assertThat(time.sleeps).isEmpty();
        assertThat(backpressure.gate("orders", () -> 0).await(() -> time.sleeps.size() >= 1)).isFalse();
        assertThat(backpressure.gate("refunds", () -> 0).await(() -> time.sleeps.size() >= 2)).isFalse();
        assertThat(backpressure.status()).contains("paused: orders backlog 2,000 \u2265 1,000; refunds backlog"
                + " 3,000 \u2265 1,000");
    }

    @Test
    void sendsStillInFlightWhenTheNextReadingIsTakenCountIntoIt() throws InterruptedException {
        Backpressure five = new Backpressure(5, time, time.sleeper());
        Depths orders = new Depths(0, 0, 4);
        Backpressure.Gate gate = five.gate("orders", orders);
        assertThat(gate.admit(() -> false, 10)).as("one worker's batch, its send not answered yet").isTrue();
        time.advance(Backpressure.POLL);
        // The queue does not show those 10 yet: a bare reading of 0 would let another batch go, 20 in all.
        assertThat(gate.await(() -> !time.sleeps.isEmpty())).as("paused").isFalse();
        assertThat(orders.reads).isEqualTo(2);
        assertThat(five.status()).contains("paused: orders backlog 10 \u2265 5");
        gate.landed(10);
        time.advance(Backpressure.POLL);
        assertThat(gate.await(() -> false)).as("landed, and the consumer took 6 of them").isTrue();
        assertThat(five.status()).isEmpty();
    }

    @Test
    void twoWorkersCannotBothPassOneCheckBelowTheBound() throws InterruptedException {
        Backpressure five = new Backpressure(5, time, time.sleeper());
        Backpressure.Gate gate = five.gate("orders", new Depths(0));
        assertThat(gate.admit(() -> false, 10)).isTrue();
        assertThat(gate.admit(() -> !time.sleeps.isEmpty(), 10)).as("the second batch waits").isFalse();
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new Backpressure(0, time, time.sleeper()))
                .hasMessage("--max-backlog takes a positive number of messages, not 0");
    }
}
