package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Held messages never become visible while held, however long a send takes; on stop they are released. */
class HeldMessagesTest {

    private final FakeQueueOps ops = new FakeQueueOps();
    private final AtomicLong now = new AtomicLong();
    private final HeldMessages held = new HeldMessages(ops, "dlq", now::get, Duration.ofSeconds(30),
            new Retry(d -> { }));

    @Test
    void extendsTheVisibilityBeforeHalfOfItIsLeft() throws Exception {
        var hold = held.hold(List.of(FakeQueueOps.message("a", "x"), FakeQueueOps.message("b", "y")), 0);
        now.set(Duration.ofSeconds(10).toNanos());
        held.keepAlive();
        assertThat(ops.visibilityChanges).isEmpty();

        now.set(Duration.ofSeconds(16).toNanos()); // a slow send: 14 s of 30 left
        held.keepAlive();
        assertThat(ops.visibilityChanges).hasSize(2).allSatisfy(c -> assertThat(c.visibilityTimeout()).isEqualTo(30));

        hold.done(List.of(FakeQueueOps.message("a", "x")));
        now.set(Duration.ofSeconds(40).toNanos());
        held.keepAlive();
        assertThat(ops.visibilityChanges).hasSize(3); // only b is still held
        assertThat(ops.visibilityChanges.get(2).receiptHandle()).isEqualTo("rh-b");
    }

    @Test
    void parkedMessagesAreExtendedInLongerStepsAndReleasedAtTheEnd() throws Exception {
        var hold = held.hold(List.of(FakeQueueOps.message("a", "x")), 0);
        hold.finish(); // left by a filter: parked until the run ends
        now.set(Duration.ofSeconds(20).toNanos());
        held.keepAlive();
        assertThat(ops.visibilityChanges.get(0).visibilityTimeout())
                .isEqualTo((int) HeldMessages.PARKED_VISIBILITY.toSeconds());

        held.releaseAll();
        assertThat(ops.visibilityChanges).hasSize(2);
        assertThat(ops.visibilityChanges.get(1).visibilityTimeout()).isZero();
    }
}
