package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.sqsredrive.testing.Deadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The receive-ahead's hand-over to its worker: nothing is lost between the two halves, and a receiving half
 * waiting for a worker that ended wakes on that event. The hand-off has no timer at all (before, it retried
 * every 100 ms), so a test that completes shows it woke on the other side's move.
 */
@Timeout(10)
class HandOffTest {

    private final HandOff<String> handOff = new HandOff<>();
    private final AtomicBoolean given = new AtomicBoolean();

    private Thread giving(String item) {
        return Thread.ofVirtual().start(() -> {
            try {
                given.set(handOff.give(item));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void theWorkerGetsEachReceiveInOrderAndTheGiverKnowsItWasTaken() throws Exception {
        Thread giver = Thread.ofVirtual().start(() -> {
            try {
                given.set(handOff.give("first") && handOff.give("second"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(handOff.take()).isEqualTo("first");
        assertThat(handOff.take()).isEqualTo("second");
        giver.join();
        assertThat(given).as("both taken").isTrue();
    }

    @Test
    void aGiverWaitingForAWorkerThatEndedWakesAndKeepsItsReceive() throws Exception {
        Thread giver = giving("held");
        Deadline.await(Duration.ofSeconds(5), () -> giver.getState() == Thread.State.WAITING,
                () -> "the giver waits for the worker; it is " + giver.getState());

        handOff.takerGone();
        giver.join();

        assertThat(given).as("not taken: the receiving half gives its receive back").isFalse();
    }

    @Test
    void aGiverAfterTheWorkerEndedIsToldAtOnce() throws Exception {
        handOff.takerGone();

        assertThat(handOff.give("late")).isFalse();
    }
}
