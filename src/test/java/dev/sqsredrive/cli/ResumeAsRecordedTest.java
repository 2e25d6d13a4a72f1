package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.sqsredrive.mover.Journal;
import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.task.JournalHeader;
import dev.sqsredrive.task.LocalTask;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * `start --resume` does what its task recorded, or refuses: an option that contradicts the record is a usage
 * error naming both values, before anything moves; the same values, in any spelling, resume.
 */
@Timeout(120)
class ResumeAsRecordedTest extends ElasticMqCliTest {

    private static final String HANDLE = "client-crashed";
    private static final int MESSAGES = 10;

    private Queue dlq;
    private Queue orders;
    private Queue other;
    private Queue paymentsDlq;
    private List<String> bodies;

    /** A task orders-dlq → orders at 50/s, --limit 6, --filter body:m, whose process died before moving any. */
    @BeforeEach
    void crashedTask() {
        dlq = queues.create("orders-dlq");
        orders = queues.createSourceOf("orders", dlq, false);
        other = queues.create("other");
        paymentsDlq = queues.create("payments-dlq");
        bodies = queues.send(dlq, MESSAGES, "m");
        queues.send(paymentsDlq, 3, "p");
        ClientOptions options = ClientOptions.builder().limit(6L).filters(List.of("body:m")).build();
        JournalHeader header = new JournalHeader(HANDLE, dlq.arn(), orders.arn(), 50.0, options);
        Journal.open(journal(), header.toJson()).close();
        recordDeadRun(0);
    }

    private java.nio.file.Path journal() {
        return StateFiles.journals(state).fileOf(dlq.arn(), HANDLE);
    }

    /** The task's record as its dead process last wrote it: RUNNING, with a pid that is no process. */
    private void recordDeadRun(long moved) {
        StateFiles.tasks(state).save(new LocalTask(new MoveTask(HANDLE, MoveTask.Kind.CLIENT, TaskStatus.RUNNING,
                dlq.arn(), orders.arn(), 50.0, moved, 6L, null, Instant.now()), false, 999_999_999L, Instant.now()));
    }

    private void assertRefused(String given, String recorded, String... args) {
        RunResult r = redrive(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains(given).contains(recorded);
        assertThat(queues.depth(dlq)).as("nothing moved, nothing held").isEqualTo(MESSAGES);
        assertThat(queues.depth(orders) + queues.depth(other)).isZero();
        assertThat(queues.depth(paymentsDlq)).isEqualTo(3);
    }

    @Test
    void anotherSourceThanTheTasksIsRefused() {
        assertRefused("SOURCE '" + paymentsDlq.name() + "'", "moves from '" + dlq.name() + "'",
                "start", paymentsDlq.name(), "--resume", HANDLE, "--yes");
    }

    @Test
    void aSourceThatDoesNotExistIsRefusedAsAnotherQueue() {
        assertRefused("SOURCE 'no-such-dlq'", "moves from '" + dlq.name() + "'",
                "start", "no-such-dlq", "--resume", HANDLE);
    }

    @Test
    void aDryRunIsNeverAResume() {
        assertRefused("--dry-run", "--resume",
                "start", "--resume", HANDLE, "--dry-run", "--to", other.name(), "--limit", "5");
    }

    @Test
    void anotherDestinationIsRefused() {
        assertRefused("--to '" + other.name() + "'", "moves to '" + orders.name() + "'",
                "start", "--resume", HANDLE, "--to", other.name());
    }

    @Test
    void anotherFilterIsRefused() {
        assertRefused("--filter 'body:x'", "--filter 'body:m'", "start", "--resume", HANDLE, "--filter", "body:x");
    }

    @Test
    void copyIsRefusedForATaskThatMoves() {
        assertRefused("--copy", "task " + HANDLE, "start", "--resume", HANDLE, "--copy");
    }

    @Test
    void anotherRateIsRefused() {
        assertRefused("--rate 5", "50/s", "start", "--resume", HANDLE, "--rate", "5");
    }

    @Test
    void anotherLimitIsRefused() {
        assertRefused("--limit 5", "--limit 6", "start", "--resume", HANDLE, "--limit", "5");
    }

    @Test
    void theRecordedValuesInAnySpellingResume() {
        RunResult r = redrive("start", dlq.url(), "--resume", HANDLE, "--to", orders.arn(), "--rate", "50",
                "--limit", "6", "--filter", "body:m", "--concurrency", "2", "--yes");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).startsWith(HANDLE).contains("COMPLETED");
        assertThat(queues.drain(orders)).hasSize(6);
        assertThat(queues.drain(dlq)).hasSize(MESSAGES - 6);
    }

    @Test
    void theLimitLeftIsCountedFromTheJournalNotFromTheLaggingRecord() {
        // The dead run sent 3 (journaled S, not yet deleted: back in the DLQ when it died) while its record,
        // rewritten once a second, still said 1.
        List<Message> sent = queues.sqs().receiveMessage(q -> q.queueUrl(dlq.url()).maxNumberOfMessages(3))
                .messages();
        assertThat(sent).hasSize(3);
        try (Journal j = Journal.open(journal(), "unused: the journal has its header")) {
            for (Message m : sent) {
                queues.sqs().sendMessage(s -> s.queueUrl(orders.url()).messageBody(m.body()));
                queues.sqs().changeMessageVisibility(c -> c.queueUrl(dlq.url()).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(0));
            }
            j.sent(sent.stream().map(Message::messageId).toList());
        }
        recordDeadRun(1);

        RunResult r = redrive("start", "--resume", HANDLE, "-o", "json");
        Census census = Census.take(queues, dlq, orders, Duration.ofSeconds(40));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
        assertThat(census.delivered()).as("the task delivers exactly its --limit 6; " + census + "\n" + r)
                .isEqualTo(6);
        int leftOnlyInDlq = census.remaining() - census.deliveredButNotDeleted();
        assertThat(census.delivered() + leftOnlyInDlq).as(census.toString()).isEqualTo(MESSAGES);
    }
}
