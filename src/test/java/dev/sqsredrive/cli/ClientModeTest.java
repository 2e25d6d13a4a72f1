package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** --mode auto chooses native when it can and says why when it does not; --mode native never falls back. */
@Timeout(120)
class ClientModeTest extends ElasticMqCliTest {

    @Test
    void autoUsesANativeTaskWhenItCanServeTheRequest() {
        Queue dlq = queues.create("dlq");
        queues.createSourceOf("orders", dlq, false);

        RunResult r = redrive("start", dlq.name(), "--rate", "10");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().strip()).doesNotStartWith("client-");
        assertThat(r.err()).doesNotContain("client-side");
    }

    @Test
    void noClientSideMoveStartsWhileANativeTaskRunsOnTheDlq() {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Queue target = queues.create("target");
        queues.deadLetter(orders, dlq, 20, "m");
        RunResult nativeTask = redrive("start", dlq.name(), "--to", target.name(), "--rate", "1");
        assertThat(nativeTask.exitCode()).as(nativeTask.toString()).isZero();

        RunResult client = redrive("start", dlq.name(), "--to", target.name(), "--filter", "body:m");

        assertThat(client.exitCode()).as(client.toString()).isEqualTo(2);
        assertThat(client.err()).contains("a move task is already running on '" + dlq.name() + "'");
        assertThat(redrive("cancel", "--source", dlq.name()).exitCode()).isZero();
    }

    @Test
    void autoMovesAFifoDlqClientSideOnAnEndpointThatIsNotAws() {
        // ElasticMQ's FIFO move task reports COMPLETED and moves nothing (docs/TESTING.md, "Where the servers
        // differ from AWS").
        Queue dlq = queues.create("dlq", true, Map.of());
        Queue orders = queues.createSourceOf("orders", dlq, true);
        queues.send(dlq, 6, "f");

        RunResult r = redrive("start", dlq.name(), "--to", orders.name());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("moving client-side: endpoint").contains("is not AWS");
        assertThat(r.out()).startsWith("client-").contains("moved 6");
        assertThat(queues.drain(orders)).hasSize(6);
    }

    @Test
    void autoFallsBackForARateANativeTaskCannotTake() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.createSourceOf("orders", dlq, false);
        queues.send(dlq, 3, "m");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--rate", "1000");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("moving client-side: --rate 1000 is not a whole number from 1 to 500");
        assertThat(queues.drain(target)).hasSize(3);
    }

    @Test
    void autoFallsBackWhenNoQueueDeadLettersIntoTheSource() {
        Queue notADlq = queues.create("plain");
        Queue target = queues.create("target");
        queues.send(notADlq, 4, "m");

        RunResult r = redrive("start", notADlq.name(), "--to", target.name());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("moving client-side: no queue dead-letters into");
        assertThat(queues.drain(target)).hasSize(4);
    }

    @Test
    void autoRefusesASourceNoQueueDeadLettersIntoWhenThereIsNoDestination() {
        Queue notADlq = queues.create("plain");
        queues.send(notADlq, 2, "m");

        RunResult r = redrive("start", notADlq.name());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("is not a dead-letter queue");
        assertThat(queues.depth(notADlq)).isEqualTo(2);
    }

    @Test
    void withoutAnOriginOrASingleSourceMessagesStayAndTheRunFails() {
        Queue notADlq = queues.create("plain");
        queues.send(notADlq, 2, "m");

        RunResult r = redrive("start", notADlq.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).contains("FAILED").contains("failed 2");
        assertThat(r.err()).contains("2 message(s) stay in the DLQ: no DeadLetterQueueSourceArn");
        assertThat(queues.drain(notADlq)).hasSize(2);
    }

    @Test
    void nativeModeRefusesWhatOnlyTheClientSideMoverCanDo() {
        Queue dlq = queues.create("dlq");
        queues.createSourceOf("orders", dlq, false);

        RunResult filter = redrive("start", dlq.name(), "--mode", "native", "--filter", "body:x");
        assertThat(filter.exitCode()).as(filter.toString()).isEqualTo(2);
        assertThat(filter.err()).contains("--mode native cannot do this: --filter was given");

        RunResult rate = redrive("start", dlq.name(), "--mode", "native", "--rate", "2.5");
        assertThat(rate.exitCode()).as(rate.toString()).isEqualTo(2);
        assertThat(rate.err()).contains("--rate 2.5 is not a whole number from 1 to 500");
    }

    @Test
    void rateMustBeAtLeastTheFloor() {
        RunResult r = redrive("start", "some-dlq", "--mode", "client", "--rate", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--rate 0 is out of range").contains("at least 0.01 messages per second");
    }
}
