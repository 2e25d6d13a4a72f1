package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which stops cut a send's wait for its turn under --rate: those after which what is not sent stays in the
 * DLQ (a cancel, the breaker), not --limit, whose sends under way keep the rate. On the real clock, each
 * wait bounded: at one message in 4 s, the second send of 1 waits about 4 s for its turn.
 */
@Timeout(30)
class RatePacerTest {

    private final ExecutorService waiter = Executors.newSingleThreadExecutor();
    private final RunStop stop = new RunStop(Ticker.system(), Duration.ofSeconds(5));
    private final RatePacer pacer = new RatePacer(new RateLimiter(0.25, 1, Ticker.system()), Ticker.system(),
            stop.signal(), stop::unsentStays);

    @AfterEach
    void shutDown() {
        waiter.shutdownNow();
    }

    /** Takes the first turn, then starts waiting for the second in another thread. */
    private CompletableFuture<Boolean> waitingForATurn() throws InterruptedException {
        assertThat(pacer.await(1)).isTrue();
        pacer.sent();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try {
                return pacer.await(1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, waiter);
        assertThat(second).isNotDone();
        return second;
    }

    @Test
    void theBreakerTrippingCutsTheWaitAndTheSendIsNotMade() throws Exception {
        CompletableFuture<Boolean> turn = waitingForATurn();
        long stoppedAt = System.nanoTime();
        stop.stop(StopReason.RETURNED);

        assertThat(turn.get(5, TimeUnit.SECONDS)).as("the send waiting for its turn is not made").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).as("cut short, not waited out")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aCancelCutsTheWaitToo() throws Exception {
        CompletableFuture<Boolean> turn = waitingForATurn();
        stop.stop(StopReason.CANCELLED);

        assertThat(turn.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theLimitLetsTheSendGoInItsTurn() throws Exception {
        CompletableFuture<Boolean> turn = waitingForATurn();
        stop.stop(StopReason.LIMIT);

        assertThat(turn.get(10, TimeUnit.SECONDS)).as("a send under way under --limit still goes").isTrue();
    }

    @Test
    void noSendStartsOnceTheBreakerTrippedEvenWithoutARate() throws InterruptedException {
        RatePacer unpaced = new RatePacer(null, Ticker.system(), stop.signal(), stop::unsentStays);
        assertThat(unpaced.await(10)).isTrue();
        stop.stop(StopReason.RETURNED);

        assertThat(unpaced.await(10)).isFalse();
    }
}
