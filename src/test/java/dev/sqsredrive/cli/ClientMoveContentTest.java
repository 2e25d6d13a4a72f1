package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sqsredrive.testing.EveryAttributeType;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/** What a client-side move carries over, and what it leaves: attributes, FIFO order, sizes. */
@Timeout(120)
class ClientMoveContentTest extends ElasticMqCliTest {

    @Test
    void carriesOverEveryAttributeTypeAndTheTraceHeader() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        Map<String, MessageAttributeValue> attributes = EveryAttributeType.map();
        String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
        queues.sqs().sendMessage(r -> r.queueUrl(dlq.url()).messageBody("payload").messageAttributes(attributes)
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(trace).build())));

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Message> moved = queues.drain(target);
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).body()).isEqualTo("payload");
        assertThat(moved.get(0).messageAttributes()).isEqualTo(attributes);
        assertThat(moved.get(0).attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER)).isEqualTo(trace);
    }

    @Test
    void fifoKeepsGroupOrderAndGroupIdsWithADeduplicationIdPerMessage() {
        Queue dlq = queues.create("dlq", true, Map.of());
        Queue target = queues.create("target", true, Map.of());
        List<String> bodies = queues.send(dlq, 45, "f"); // groups g0, g1, g2; dedup id = body

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "--concurrency", "3");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Message> moved = queues.drain(target);
        assertThat(queues.bodies(moved)).containsExactlyInAnyOrderElementsOf(bodies);
        Map<String, List<Integer>> perGroup = new HashMap<>();
        Set<String> dedupIds = new HashSet<>();
        for (Message m : moved) {
            int n = Integer.parseInt(m.body().substring(2));
            String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            assertThat(group).isEqualTo("g" + (n % 3));
            // Not the message's own dedup id (two messages may share one): its MessageId in the DLQ, a UUID
            String dedupId = m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
            assertThat(dedupId).isNotEqualTo(m.body()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
            dedupIds.add(dedupId);
            perGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(n);
        }
        perGroup.values().forEach(order -> assertThat(order).isSorted());
        assertThat(dedupIds).as("one deduplication id per message").hasSize(bodies.size());
        assertThat(queues.depth(dlq)).isZero();
    }

    @Test
    void largeMessagesAreSplitIntoBatchesTheDestinationAccepts() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = i + "x".repeat(100_000);
            bodies.add(body);
            queues.sqs().sendMessage(r -> r.queueUrl(dlq.url()).messageBody(body));
        }

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "--concurrency", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(bodies);
    }
}
