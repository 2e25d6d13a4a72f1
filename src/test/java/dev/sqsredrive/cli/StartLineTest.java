package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The line `start` prints as a move begins says at what pace, in words: without --rate what "auto" chose
 * (it read "at auto"), and below one message a second how long until each message, the first included, moves.
 * A rate below the floor (0.01/s, one message every 100 s) is refused: at 0.0001 nothing moved for hours.
 */
@Timeout(120)
class StartLineTest extends ElasticMqCliTest {

    @Test
    void aClientSideRunWithoutRateSaysItGoesAsFastAsTheQueuesAllow() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 2, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains(" as fast as the queues allow (no --rate), ").doesNotContain("at auto");
    }

    @Test
    void aNativeTaskWithoutRateSaysSqsChoosesThePace() {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        queues.deadLetter(orders, dlq, 2, "m");

        RunResult r = redrive("start", dlq.name(), "--mode", "native");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains(" at the pace SQS chooses (no --rate)").doesNotContain("at auto");
    }

    @Test
    void aRateBelowOneAMessageASecondSaysHowLongEachMessageWaits() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 1, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "--rate", "0.5",
                "--limit", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains(" at 0.50/s (one message every 2 s, the first one too)");
    }

    @Test
    void aRateBelowTheFloorIsRefused() {
        Queue dlq = queues.create("dlq");

        RunResult r = redrive("start", dlq.name(), "--rate", "0.0001", "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains("--rate 0.0001").contains("at least 0.01");
    }
}
