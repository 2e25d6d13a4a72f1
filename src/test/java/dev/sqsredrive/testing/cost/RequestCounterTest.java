package dev.sqsredrive.testing.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.testing.cost.RequestCounter.Kind;
import org.junit.jupiter.api.Test;

/** The request count behind docs/TESTING.md's cost figures: every SQS call, by operation and queue type. */
class RequestCounterTest {

    @Test
    void countsEachSqsCallOfAnyClientByOperationAndQueueType() {
        Map<Kind, Long> before = RequestCounter.snapshot();
        try (TestQueues queues = TestQueues.elasticMq()) {
            Queue standard = queues.create("counted");
            Queue fifo = queues.create("counted", true, Map.of());
            queues.send(standard, 12, "m"); // two batches
            queues.send(fifo, 3, "f");
        }

        assertThat(RequestCounter.since(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new Kind("CreateQueue", false), 1L, new Kind("CreateQueue", true), 1L,
                new Kind("GetQueueAttributes", false), 1L, new Kind("GetQueueAttributes", true), 1L,
                new Kind("SendMessageBatch", false), 2L, new Kind("SendMessageBatch", true), 1L));
    }

    @Test
    void pricesAreSqsPerMillionStandardAndFifo() {
        assertThat(SqsPrice.dollars(1_000_000, 0)).isEqualByComparingTo(new BigDecimal("0.40"));
        assertThat(SqsPrice.dollars(0, 2_000_000)).isEqualByComparingTo(new BigDecimal("1.00"));
        assertThat(SqsPrice.dollars(2_500, 500)).isEqualByComparingTo(new BigDecimal("0.00125"));
    }

    @Test
    void theReportLineSaysTotalsCostAndEachOperation() {
        String line = RequestReport.line("SomeTest", Map.of(new Kind("ReceiveMessage", false), 2_000L,
                new Kind("SendMessageBatch", true), 1_000L));

        assertThat(line).isEqualTo("SomeTest: 3000 requests (standard 2000, fifo 1000) = $0.001300 at SQS prices;"
                + " ReceiveMessage=2000 SendMessageBatch(fifo)=1000");
    }
}
