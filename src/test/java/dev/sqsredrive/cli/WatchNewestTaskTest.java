package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `watch SOURCE` follows the newest task of the DLQ, whichever kind, the very task `list` shows first: after
 * a client-side run COMPLETED, a native task started and cancelled on the same DLQ is the one followed (exit
 * 5), not the older client-side one (exit 0). ElasticMQ drops a cancelled native task from its list (an
 * emulator difference): the record this machine kept of the cancel is what names it then.
 */
@Timeout(120)
class WatchNewestTaskTest extends ElasticMqCliTest {

    @Test
    void watchOfASourceFollowsTheNewestTaskOfEitherKindAsListShowsIt() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Queue target = queues.create("target");
        queues.deadLetter(orders, dlq, 3, "first");
        RunResult client = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");
        assertThat(client.exitCode()).as(client.toString()).isZero();
        queues.deadLetter(orders, dlq, 20, "second");
        RunResult nativeTask = redrive("start", dlq.name(), "--to", target.name(), "--mode", "native", "--rate", "1");
        assertThat(nativeTask.exitCode()).as(nativeTask.toString()).isZero();
        RunResult cancel = redrive("cancel", "--source", dlq.name());
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();

        RunResult list = redrive("list", dlq.name(), "-o", "json");
        RunResult watch = redrive("watch", dlq.name(), "--timeout", "30s");

        JsonNode first = TaskCodec.JSON.readTree(list.outLines().get(0));
        assertThat(first.get("kind").asText()).as(list.toString()).isEqualTo("native");
        assertThat(first.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(ExitCode.TASK_CANCELLED.code());
        assertThat(watch.out() + watch.err()).contains("CANCELLED");
    }
}
