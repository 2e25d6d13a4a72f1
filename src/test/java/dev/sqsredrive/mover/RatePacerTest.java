package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which stops cut a send's wait for its turn under --rate: those after which what is not sent stays in the
 * DLQ (a cancel, the breaker), not --limit, whose sends under way keep the rate. On a fake clock that moves
 * only when the pacer sleeps on it: at one message in 4 s, the second send of 1 waits 4 s for its turn.
 */
@Timeout(10)
class RatePacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = now::get;
    private final List<Duration> slept = new ArrayList<>();
    /** Runs as a wait starts: another thread's stop arriving while the pacer waits. */
    private Runnable duringWait = () -> { };
    private final Sleeper sleeper = d -> {
        slept.add(d);
        duringWait.run();
        if (slept.size() > 1_000) {
            throw new IllegalStateException("still waiting after 1,000 waits");
        }
        now.addAndGet(d.toNanos());
    };
    private final RunStop stop = new RunStop(ticker, sleeper, Duration.ofSeconds(5));
    private final RatePacer pacer = new RatePacer(new RateLimiter(0.25, 1, ticker), ticker, sleeper,
            stop.signal(), stop::unsentStays);

    /** Takes the first turn and sends; the next one then has to wait about 4 s. */
    private void firstSend() throws InterruptedException {
        SendGuard.Admission first = pacer.await(1);
        assertThat(first.admitted()).isTrue();
        first.sent();
        assertThat(slept).as("the first turn is a wait of its own, until the bucket has a token").isNotEmpty();
        slept.clear();
    }

    @Test
    void theBreakerTrippingCutsTheWaitAndTheSendIsNotMade() throws Exception {
        firstSend();
        duringWait = () -> stop.stop(StopReason.RETURNED);

        assertThat(pacer.await(1).admitted()).as("the send waiting for its turn is not made").isFalse();
        assertThat(slept).as("cut short by the stop: no second wait").hasSize(1);
    }

    @Test
    void aCancelCutsTheWaitToo() throws Exception {
        firstSend();
        duringWait = () -> stop.stop(StopReason.CANCELLED);

        assertThat(pacer.await(1).admitted()).isFalse();
    }

    @Test
    void theLimitLetsTheSendGoInItsTurn() throws Exception {
        firstSend();
        long waitFrom = now.get();
        duringWait = () -> stop.stop(StopReason.LIMIT);

        assertThat(pacer.await(1).admitted()).as("a send under way under --limit still goes").isTrue();
        assertThat(Duration.ofNanos(now.get() - waitFrom)).as("in its turn, 4 s after the first")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void noSendStartsOnceTheBreakerTrippedEvenWithoutARate() throws InterruptedException {
        RatePacer unpaced = new RatePacer(null, ticker, sleeper, stop.signal(), stop::unsentStays);
        assertThat(unpaced.await(10).admitted()).isTrue();
        stop.stop(StopReason.RETURNED);

        assertThat(unpaced.await(10).admitted()).isFalse();
    }

    /**
     * The admission is the send's, not the thread's: reported from another thread (a send answered after a
     * hand-over), it still ends the send's time under way, and the next turn comes a second later. Before,
     * a ThreadLocal lost it, and the second was held up by a send that never ended.
     */
    @Test
    void anAdmissionReportedFromAnotherThreadFreesTheWindow() throws Exception {
        RateLimiter limiter = new RateLimiter(1_000, 10, ticker);
        RatePacer fast = new RatePacer(limiter, ticker, sleeper, stop.signal(), stop::unsentStays);
        now.addAndGet(Duration.ofSeconds(1).toNanos()); // the bucket full: the first ten go at once
        SendGuard.Admission first = fast.await(10);
        assertThat(first.admitted()).isTrue();
        Thread other = Thread.ofVirtual().start(first::sent);
        other.join();
        first.sent(); // a second report changes nothing
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(fast.await(1000).admitted()).as("the window holds 1,010: the first ten are over").isTrue();
    }
}
