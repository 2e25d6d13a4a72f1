package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.sqsredrive.mover.sqs.SqsFailures;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;

/**
 * The final release of a long scan: every message released, by a few threads however many batches there are
 * (one parked thread per batch cost a 100,000-message scan 10,000 threads and 25 MB of stacks).
 */
class VisibilityCallsTest {

    /** A source that answers every visibility change at once and notes the thread that made it. */
    private static final class CountingSource implements Source {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final Set<String> released = ConcurrentHashMap.newKeySet();

        @Override
        public List<Msg> receive(int max, int waitSeconds, int visibilitySeconds) {
            return List.of();
        }

        @Override
        public BatchResult keepHidden(List<Entry> entries, int seconds) {
            threads.add(Thread.currentThread());
            entries.forEach(e -> released.add(e.message().id()));
            return new BatchResult(entries.stream().map(Entry::id).collect(Collectors.toSet()), Map.of());
        }

        @Override
        public BatchResult delete(List<Entry> entries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long approximateMessages() {
            return 0;
        }

        @Override
        public String endpoint() {
            return "test";
        }
    }

    @Test
    void releasesThousandsOfBatchesOnAFewThreads() throws Exception {
        CountingSource source = new CountingSource();
        VisibilityCalls calls = new VisibilityCalls(source, Ticker.system(), new Retry(new NoBackoff(), () -> 0, SqsFailures.INSTANCE));
        List<Msg> held = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            held.add(Msg.of("m" + i, "rh" + i, null));
        }

        int notReleased = calls.releaseAll(held, Duration.ofMinutes(1));

        assertThat(notReleased).isZero();
        assertThat(source.released).hasSize(20_000);
        assertThat(source.threads).as("threads that made the 2,000 calls").hasSizeLessThanOrEqualTo(16);
    }
}
