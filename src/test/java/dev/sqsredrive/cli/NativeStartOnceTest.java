package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/**
 * A native start whose answer is lost after SQS acted: the tool must not start a second task by sending the
 * same request again (the fault matrix saw 5 tasks for one start when the SDK retried it).
 */
@Timeout(120)
class NativeStartOnceTest extends ElasticMqCliTest {

    @Test
    void aStartWhoseAnswerWasLostStartsOneTaskAndFollowsIt() {
        Queue dlq = queues.create("dlq");
        Queue origin = queues.createSourceOf("origin", dlq, false);
        List<String> bodies = queues.send(dlq, 20, "once");
        try (FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint())) {
            FaultRule lost = FaultRule.firstCalls("StartMessageMoveTask", Fault.resetAfterForward(), 1);
            proxy.add(lost);
            Map<String, String> env = new HashMap<>(queues.env(state));
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());

            RunResult run = dev.sqsredrive.testing.Redrive.run(env, "start", dlq.name(), "--mode", "native",
                    "--yes", "-o", "json");

            assertThat(lost.injected()).as("the fault happened").isEqualTo(1);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<ListMessageMoveTasksResultEntry> tasks = queues.sqs()
                    .listMessageMoveTasks(r -> r.sourceArn(dlq.arn()).maxResults(10)).results();
            assertThat(tasks).as("one start, one task").hasSize(1);
            assertThat(run.out()).as(run.toString()).contains(tasks.get(0).taskHandle());
            Deadline.await(Duration.ofSeconds(60), () -> queues.sqs()
                    .listMessageMoveTasks(r -> r.sourceArn(dlq.arn()).maxResults(10)).results().stream()
                    .noneMatch(t -> t.status().equals("RUNNING")), () -> "the task to end");
            Census census = Census.take(queues, dlq, origin, Duration.ofSeconds(30));
            assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
            assertThat(census.delivered()).as(census.toString()).isEqualTo(bodies.size());
        }
    }
}
