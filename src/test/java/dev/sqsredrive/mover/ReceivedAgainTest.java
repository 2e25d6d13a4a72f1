package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.mover.sqs.SqsFailures;
import org.junit.jupiter.api.Test;

/**
 * A message received again while this run still holds it (its hold lapsed, or SQS handed it out twice) is known
 * as such, so that a scan counts every message once without keeping a set of every MessageId it saw.
 */
class ReceivedAgainTest {

    private final FakeQueueOps ops = new FakeQueueOps();
    private final AtomicLong now = new AtomicLong();
    private final HeldMessages held = new HeldMessages(ops.endpoint().source("dlq"), now::get,
            Duration.ofSeconds(30), new Retry(new NoBackoff(), () -> 0, SqsFailures.INSTANCE));

    @Test
    void aReceiveKnowsWhichOfItsMessagesAnotherHoldHeld() {
        var first = held.hold(List.of(FakeQueueOps.msg("a", "x"), FakeQueueOps.msg("b", "y")), 0);
        var second = held.hold(List.of(FakeQueueOps.msg("b", "y"), FakeQueueOps.msg("c", "z")), 0);

        assertThat(second.receivedAgain("b")).isTrue();
        assertThat(second.receivedAgain("c")).isFalse();
        assertThat(first.receivedAgain("a")).isFalse();
        assertThat(first.receivedAgain("b")).isFalse();
    }
}
