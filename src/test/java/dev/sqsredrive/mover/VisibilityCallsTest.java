package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.testing.Deadline;
import org.junit.jupiter.api.Test;

/**
 * The final release of a long scan: every message released, by a few threads however many batches there are
 * (one parked thread per batch cost a 100,000-message scan 10,000 threads and 25 MB of stacks); and the
 * extensions, at most 16 calls at once however many holds ask, every one answered.
 */
class VisibilityCallsTest {

    /** A source that answers every visibility change at once and notes the thread that made it. */
    private static final class CountingSource extends StubSource {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final Set<String> released = ConcurrentHashMap.newKeySet();
        final AtomicInteger inCall = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public BatchResult keepHidden(List<Entry> entries, int seconds) {
            mostAtOnce.accumulateAndGet(inCall.incrementAndGet(), Math::max);
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inCall.decrementAndGet();
            }
            threads.add(Thread.currentThread());
            entries.forEach(e -> released.add(e.message().id()));
            return allOk(entries);
        }
    }

    @Test
    void releasesThousandsOfBatchesOnAFewThreads() throws Exception {
        CountingSource source = new CountingSource();
        VisibilityCalls calls = calls(source);
        List<Msg> held = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            held.add(Msg.of("m" + i, "rh" + i, null));
        }

        int notReleased = calls.releaseAll(held, Duration.ofMinutes(1));

        assertThat(notReleased).isZero();
        assertThat(source.released).hasSize(20_000);
        assertThat(source.threads).as("threads that made the 2,000 calls").hasSizeLessThanOrEqualTo(16);
    }

    private static VisibilityCalls calls(Source source) {
        return new VisibilityCalls(source, () -> 0, new Retry(new NoBackoff(), () -> 0, SqsFailures.INSTANCE));
    }

    @Test
    void manyHoldsExtendingAtOnceMakeAtMostSixteenCallsAndEveryOneIsAnswered() throws Exception {
        CountingSource source = new CountingSource();
        source.gate = new CountDownLatch(1); // the endpoint is slow: the calls pile up
        VisibilityCalls calls = calls(source);
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        CountDownLatch answered = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            calls.extend(List.of(Msg.of("m" + i, "rh" + i, null)), Duration.ofSeconds(30), ids -> {
                confirmed.addAll(ids);
                answered.countDown();
            });
        }
        Deadline.await(Duration.ofSeconds(5), () -> source.inCall.get() == 16,
                () -> "16 calls under way; " + source.inCall.get());

        source.gate.countDown();

        assertThat(answered.await(5, TimeUnit.SECONDS)).as("every extension answered").isTrue();
        assertThat(confirmed).hasSize(40);
        assertThat(source.mostAtOnce).as("calls at once").hasValueLessThanOrEqualTo(16);
    }

    @Test
    void anExtensionAskedAfterTheReleaseIsNotMade() throws Exception {
        CountingSource source = new CountingSource();
        VisibilityCalls calls = calls(source);
        calls.releaseAll(List.of(), Duration.ofSeconds(1));
        List<Set<String>> answers = new ArrayList<>();

        calls.extend(List.of(Msg.of("m", "rh", null)), Duration.ofSeconds(30), answers::add);

        assertThat(answers).as("answered at once, nothing confirmed").containsExactly(Set.of());
        assertThat(source.released).as("no call: it would hide again what was released").isEmpty();
    }
}
