package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.task.MovePlan;
import org.junit.jupiter.api.Test;

/** The plan `start` shows: a queue in another account than the caller's is said so (AWS only: CallerAccount). */
class PlanTextTest {

    private static final ResolvedQueue THEIRS = new ResolvedQueue(
            "https://sqs.us-east-1.amazonaws.com/111122223333/orders-dlq",
            "arn:aws:sqs:us-east-1:111122223333:orders-dlq", Map.of("ApproximateNumberOfMessages", "300"));
    private static final MovePlan PLAN = new MovePlan(THEIRS, null, null, List.of("https://sqs/111122223333/orders"));

    @Test
    void aQueueInAnotherAccountNamesBothAccounts() {
        List<String> lines = PlanText.lines(PLAN, "native (SQS move task)", null,
                q -> q == THEIRS ? Optional.of("444455556666") : Optional.empty());

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("account", "orders-dlq", "111122223333",
                "not the caller's", "444455556666"));
    }

    @Test
    void theCallersOwnQueuesAddNoAccountLine() {
        List<String> lines = PlanText.lines(PLAN, "native (SQS move task)", null, q -> Optional.empty());

        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("  account"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("rate", "chosen by SQS"));
    }
}
