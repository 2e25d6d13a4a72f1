package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.sqsredrive.mover.Journal;
import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.sqs.SqsMessages;
import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.task.JournalHeader;
import dev.sqsredrive.task.LocalTask;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;
import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A run killed after a send reached the destination and before its journal line said so: the resumed run
 * sends the original again (one possible duplicate, reported), and the copy that dead-lettered back to the DLQ
 * with a new MessageId is known by its content and not moved a third time (docs/MOVER.md, "One pass").
 */
class UnrecordedSendCopyTest extends ElasticMqCliTest {

    private static final String HANDLE = "client-killed-between-send-and-record";

    @Test
    void theCopyOfASendWhoseOutcomeWentUnrecordedComesBackAndIsNotMovedAgain() {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        List<String> bodies = List.of("x-0", "x-1", "x-2");
        bodies.forEach(b -> queues.sqs().sendMessage(s -> s.queueUrl(dlq.url()).messageBody(b)));
        // The killed run had received them (their fingerprints are what SQS sends along), recorded its attempt,
        // and died after the send landed, before its M and S lines.
        List<Message> received = queues.sqs().receiveMessage(r -> r.queueUrl(dlq.url()).maxNumberOfMessages(10)
                .visibilityTimeout(0).messageAttributeNames("All")).messages();
        assertThat(received).hasSize(bodies.size());
        List<Msg> attempted = received.stream().map(SqsMessages::from).toList();
        Path file = StateFiles.journals(state).fileOf(dlq.arn(), HANDLE);
        try (Journal j = Journal.open(file, new JournalHeader(HANDLE, dlq.arn(), orders.arn(), null,
                ClientOptions.none()).toJson())) {
            j.attempting(attempted);
        }
        // What the killed run's sends became: its consumer failed them and they dead-lettered with new ids.
        bodies.forEach(b -> queues.sqs().sendMessage(s -> s.queueUrl(dlq.url()).messageBody(b)));
        StateFiles.tasks(state).save(new LocalTask(new MoveTask(HANDLE, MoveTask.Kind.CLIENT, TaskStatus.RUNNING,
                dlq.arn(), orders.arn(), null, 0, null, null, Instant.now()), false, 999_999_999L, Instant.now()));

        RunResult resumed = redrive("start", "--resume", HANDLE, "-o", "json");
        MoverSummary summary = MoverSummary.of(resumed);
        Census census = Census.take(queues, dlq, orders, Duration.ofSeconds(30));
        String seen = census + "\n" + resumed;

        assertThat(census.inDestination()).as("each original sent once more, no copy sent again; " + seen)
                .hasSize(bodies.size()).allSatisfy((body, n) -> assertThat(n).isEqualTo(1));
        assertThat(summary.duplicatesPossible()).as("the killed run's send may also have arrived; " + seen)
                .isEqualTo(bodies.size());
        assertThat(summary.raw().path("returned").asLong()).as("the copies came back: returned; " + seen)
                .isEqualTo(bodies.size());
        assertThat(census.remaining()).as("the copies stay in the DLQ, not moved again; " + seen)
                .isEqualTo(bodies.size());
    }
}
