package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sqsredrive.mover.sqs.SqsFailures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * An endpoint that stops answering, on a fake clock (AnswerWatch, SilenceGuard): one note once a call has
 * waited a read timeout, the run ended past two attempts of the longest call; any answer, an error too,
 * says the endpoint is alive.
 */
class SilenceGuardTest {

    private static final Destination DEST = new Destination("http://q/dest", "arn:aws:sqs:us-east-1:1:dest", false,
            1024);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong();
    private final FakeQueueOps ops = new FakeQueueOps();
    private final AnswerWatch watch = new AnswerWatch(SqsFailures.INSTANCE, now::get, ConcurrencyLimit.fixed(1));
    private final Sink sink = watch.watch(ops.endpoint().sink(DEST));
    /** Two attempts of a 10 s long poll with its read timeout: 80 s. */
    private final SilenceGuard guard = new SilenceGuard(watch, READ_TIMEOUT, 10);
    private final NotedLines listener = new NotedLines();
    private final List<String> notes = listener.lines;

    private void pass(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private void send() {
        sink.send(List.of(new Entry("e0", FakeQueueOps.msg("a", "body"))));
    }

    @Test
    void aCallWaitingAReadTimeoutIsToldOnceAndPastTheLimitEndsTheRun() {
        List<SilenceGuard.EndpointSilent> verdicts = new ArrayList<>();
        ops.beforeSend = () -> { // the guard ticks while the send waits for its answer
            pass(Duration.ofSeconds(29));
            verdicts.add(guard.check(listener));
            pass(Duration.ofSeconds(2));
            verdicts.add(guard.check(listener));
            verdicts.add(guard.check(listener));
            pass(Duration.ofSeconds(50));
            verdicts.add(guard.check(listener));
        };

        send();

        assertThat(notes).containsExactly("waiting for an answer from " + sink.endpoint()
                + ": SendMessageBatch got none for 31s; the run gives up after 80s");
        assertThat(verdicts.subList(0, 3)).containsOnlyNulls();
        assertThat(verdicts.get(3)).isNotNull();
        assertThat(verdicts.get(3).getMessage()).isEqualTo("no answer from " + sink.endpoint() + " for 81s:"
                + " SendMessageBatch did not answer (each attempt waits --cli-read-timeout, 30s)");
        assertThat(guard.check(listener)).as("answered at last").isNull();
        assertThat(guard.silent()).isFalse();
    }

    @Test
    void aCallThatFailedWithoutAnAnswerKeepsTheSilenceGoing() {
        ops.sendScript.add(e -> {
            throw SdkClientException.create("Read timed out");
        });
        assertThatThrownBy(this::send).isInstanceOf(SdkClientException.class);

        pass(Duration.ofSeconds(90));

        assertThat(guard.silent()).isTrue();
        assertThat(guard.check(listener)).isNotNull();
    }

    @Test
    void anErrorAnswerSaysTheEndpointIsAlive() {
        ops.sendScript.add(e -> {
            pass(Duration.ofSeconds(90));
            throw BatchMoverTest.awsError(400, "RequestThrottled");
        });
        assertThatThrownBy(this::send).hasMessageContaining("RequestThrottled");

        pass(Duration.ofSeconds(90));

        assertThat(guard.silent()).isFalse();
        assertThat(guard.check(listener)).isNull();
        assertThat(notes).isEmpty();
    }
}
