package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.sqsredrive.mover.sqs.SqsFailures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The workers' receives: a failure worth retrying is answered with null (the worker tries again); a DLQ that
 * keeps failing ends the run, unless it holds nothing but what this run holds. The run has stopped here (an
 * open stop signal), so no back-off is waited out.
 */
class SourceReceiverTest {

    private final FakeQueueOps ops = new FakeQueueOps();
    /** Back-offs pass at once: nothing here waits on time. */
    private final RunStop stopped = new RunStop(() -> 0L, d -> { }, Duration.ofSeconds(3));

    /** The run's clock: each reading a nanosecond later, so that each receive here is asked after the last failed. */
    private final AtomicLong now = new AtomicLong();
    private boolean clockStopped;

    private SourceReceiver receiver(LongSupplier notHeld) {
        MoverConfig config = MoverConfig.builder("http://q/dlq", "arn:aws:sqs:us-east-1:1:dlq").build();
        return new SourceReceiver(ops.endpoint().source("http://q/dlq"), SqsFailures.INSTANCE, config, stopped,
                notHeld, () -> clockStopped ? now.get() : now.incrementAndGet());
    }

    private void failing(int times) {
        for (int i = 0; i < times; i++) {
            ops.receiveErrors.add(SdkClientException.create("Connection reset"));
        }
    }

    @Test
    void aReceiveAnswersWhatTheDlqGave() throws Exception {
        ops.receives.add(List.of(FakeQueueOps.message("a", "body a")));

        assertThat(receiver(() -> 0).receive(10, 20)).extracting(Msg::id).containsExactly("a");
    }

    @Test
    void aFailureWorthRetryingIsAnsweredWithNullForTheWorkerToTryAgain() throws Exception {
        failing(1);
        ops.receives.add(List.of(FakeQueueOps.message("a", "body a")));
        SourceReceiver r = receiver(() -> 5);

        assertThat(r.receive(10, 20)).isNull();
        assertThat(r.receive(10, 20)).extracting(Msg::id).containsExactly("a");
    }

    @Test
    void failuresInARowEndTheRunWhileTheDlqHoldsMessagesThisRunDoesNot() throws Exception {
        failing(Retry.MAX_ATTEMPTS);
        SourceReceiver r = receiver(() -> 5);
        for (int i = 1; i < Retry.MAX_ATTEMPTS; i++) {
            assertThat(r.receive(10, 20)).as("failure " + i).isNull();
        }

        assertThatThrownBy(() -> r.receive(10, 20)).isInstanceOf(SdkClientException.class);
    }

    @Test
    void receivesThatFailInOneBlipAreOneFailureNotTheRunsEight() throws Exception {
        SourceReceiver r = receiver(() -> 5);
        clockStopped = true; // 3 x 8 workers' receives asked at once, all failing before any failure is seen
        failing(3 * Retry.MAX_ATTEMPTS);
        for (int i = 1; i <= 3 * Retry.MAX_ATTEMPTS; i++) {
            assertThat(r.receive(10, 20)).as("failure " + i + " of one blip").isNull();
        }
        clockStopped = false; // from here each receive is asked after the last failure was seen
        failing(Retry.MAX_ATTEMPTS);
        for (int i = 2; i < Retry.MAX_ATTEMPTS; i++) {
            assertThat(r.receive(10, 20)).as("round " + i).isNull();
        }

        assertThatThrownBy(() -> r.receive(10, 20)).as("round 8").isInstanceOf(SdkClientException.class);
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() throws Exception {
        SourceReceiver r = receiver(() -> 5);
        failing(Retry.MAX_ATTEMPTS - 1);
        for (int i = 1; i < Retry.MAX_ATTEMPTS; i++) {
            assertThat(r.receive(10, 20)).isNull();
        }
        assertThat(r.receive(10, 20)).isEmpty();
        failing(Retry.MAX_ATTEMPTS - 1);

        for (int i = 1; i < Retry.MAX_ATTEMPTS; i++) {
            assertThat(r.receive(10, 20)).as("failure " + i + " since the success").isNull();
        }
    }

    @Test
    void failingReceivesOfADlqHoldingNothingElseAreAsGoodAsAnEmptyOne() throws Exception {
        failing(Retry.MAX_ATTEMPTS);
        SourceReceiver r = receiver(() -> 0);
        for (int i = 1; i < Retry.MAX_ATTEMPTS; i++) {
            r.receive(10, 20);
        }

        assertThat(r.receive(10, 20)).isEmpty();
    }

    @Test
    void whenTheDlqCannotBeCountedEitherTheFailureStands() {
        failing(Retry.MAX_ATTEMPTS);
        SourceReceiver r = receiver(() -> {
            throw SdkClientException.create("Connection reset");
        });

        assertThatThrownBy(() -> {
            for (int i = 0; i < Retry.MAX_ATTEMPTS; i++) {
                r.receive(10, 20);
            }
        }).isInstanceOf(SdkClientException.class);
    }

    @Test
    void aRefusalEndsTheRunAtOnce() {
        ops.receiveErrors.add(BatchMoverTest.awsError(403, "AccessDenied"));

        assertThatThrownBy(() -> receiver(() -> 5).receive(10, 20)).isInstanceOf(AwsServiceException.class);
    }

    @Test
    void aFailureThatIsNoCallFailureIsNotTakenForOne() {
        ops.receiveErrors.add(new IllegalStateException("a bug"));

        assertThatThrownBy(() -> receiver(() -> 5).receive(10, 20)).isInstanceOf(IllegalStateException.class);
    }
}
