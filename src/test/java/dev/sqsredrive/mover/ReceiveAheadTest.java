package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.mover.guard.ReturnBreaker;
import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker's receiving half, on scripted receives: each receive reaches the worker whole and in order, the
 * DLQ found empty ends the run as drained, and a receive the worker will never take is given back (its
 * permits returned, its messages still held for the end's release). On a ticker that never moves: the
 * hand-over wakes on the worker's take, not on a timer.
 */
@Timeout(10)
class ReceiveAheadTest {

    private final FakeQueueOps ops = new FakeQueueOps();
    private final Ticker frozen = () -> 0;
    /** The pauses between empty polls pass at once: nothing here waits on time. */
    private final Sleeper instant = d -> { };
    private final Source source = ops.endpoint().source("dlq");
    private final RunStop stop = new RunStop(frozen, instant, Duration.ofSeconds(3));
    private final MoverConfig config = MoverConfig.builder("dlq", "arn:aws:sqs:us-east-1:1:dlq").concurrency(1)
            .limit(100L).build();
    private final HeldMessages held = new HeldMessages(source, frozen, Duration.ofSeconds(30),
            new Retry(new NoBackoff(), frozen, SqsFailures.INSTANCE));
    private final LimitPermits permits = new LimitPermits(100L);
    private final AtomicInteger counted = new AtomicInteger();
    private final ReceiveAhead ahead = new ReceiveAhead(new ReceiveAhead.Shared(config, stop,
            new SourceReceiver(source, SqsFailures.INSTANCE, config, stop, () -> 0, frozen), held,
            new OnePass(new RunLedger(true), new ReturnBreaker(MaxReturned.parse("off")), null, frozen, false),
            new Clocks(Clock.systemUTC(), frozen, instant), permits, new DrainDetector(1),
            ms -> counted.addAndGet(ms.size()), ConcurrencyLimit.fixed(1)), 0);

    private void script(String... batches) {
        for (String batch : batches) {
            List<software.amazon.awssdk.services.sqs.model.Message> ms = new ArrayList<>();
            for (String id : batch.split(",")) {
                ms.add(FakeQueueOps.message(id, "body-" + id));
            }
            ops.receives.add(ms);
        }
    }

    private static List<String> ids(ReceiveAhead.Received r) {
        return r.messages().stream().map(Msg::id).toList();
    }

    @Test
    void eachReceiveReachesTheWorkerInOrderThenTheEmptyDlqEndsTheRun() throws Exception {
        script("a,b,c", "d");
        Thread receiving = Thread.ofVirtual().start(ahead::run);

        ReceiveAhead.Received first = ahead.take();
        assertThat(ids(first)).containsExactly("a", "b", "c");
        ahead.giveBack(first, 3);
        ReceiveAhead.Received second = ahead.take();
        assertThat(ids(second)).containsExactly("d");
        ahead.giveBack(second, 1);

        assertThat(ahead.take()).as("the DLQ empty: the receiving half ends").isSameAs(ReceiveAhead.END);
        receiving.join();
        assertThat(stop.reason()).isEqualTo(StopReason.DRAINED);
        assertThat(permits.usedUp()).isFalse();
        assertThat(permits.take(100)).as("96 left of --limit 100 after 4 moved").isEqualTo(96);
    }

    @Test
    void aReceiveTheWorkerNeverTakesIsGivenBackAndStaysHeldForTheRelease() throws Exception {
        script("a,b", "c");
        Thread receiving = Thread.ofVirtual().start(ahead::run);
        ReceiveAhead.Received first = ahead.take();
        Deadline.await(Duration.ofSeconds(5), () -> receiving.getState() == Thread.State.WAITING
                && ops.receives.isEmpty(), () -> "the next receive waits for the worker");

        stop.stop(StopReason.CANCELLED);
        ahead.giveBack(first, 0);
        ahead.workerGone(); // the worker ended: what waits for it is not handed over
        receiving.join();

        assertThat(held.count()).as("a, b and c parked for the end's release, none lost").isEqualTo(3);
        assertThat(permits.take(100)).as("every permit back: nothing was moved").isEqualTo(100);
        assertThat(counted).hasValue(3);
    }
}
