package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.mover.Journal;
import dev.sqsredrive.mover.Msg;
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
import org.junit.jupiter.api.Timeout;

/**
 * Case 35 of the fault matrix, made deterministic: a run killed mid-send, its resume killed too, then a last
 * resume. The two killed runs printed no summary, so the last one must admit every message their journal
 * lines say may be at the destination more than once. Their lines are written here as a killed process
 * leaves them, and the copies they may have delivered are put in the destination; the last resume is real.
 */
@Timeout(120)
class ResumeAfterKilledResumeTest extends ElasticMqCliTest {

    private static final String HANDLE = "client-killed-twice";

    @Test
    void theLastResumeReportsEveryCopyTheTwoKilledRunsMayHaveMade() {
        Queue dlq = queues.create("orders-dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Map<String, String> bodyById = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            String body = "k-" + i;
            bodyById.put(queues.sqs().sendMessage(s -> s.queueUrl(dlq.url()).messageBody(body)).messageId(), body);
        }
        List<String> ids = new ArrayList<>(bodyById.keySet());
        List<String> confirmedNotDeleted = ids.subList(0, 3); // the resume's send confirmed, killed before the delete
        List<String> confirmedAndDeleted = ids.subList(3, 6); // the resume finished them: gone from the DLQ
        List<String> unanswered = ids.subList(6, 9); // the resume was killed mid-send too: sent a third time now

        List<Msg> attempted = ids.stream().map(id -> Msg.of(id, "rh-" + id, null)).toList();
        Path file = StateFiles.journals(state).fileOf(dlq.arn(), HANDLE);
        try (Journal j = Journal.open(file, new JournalHeader(HANDLE, dlq.arn(), orders.arn(), null,
                ClientOptions.none()).toJson())) {
            j.attempting(attempted); // the first run: killed after the send, before its answer was recorded
            ids.forEach(id -> deliver(orders, bodyById.get(id)));
            j.attempting(attempted); // the resume sends them again (they were "maybe sent")
            ids.forEach(id -> deliver(orders, bodyById.get(id)));
            j.sent(confirmedNotDeleted);
            j.sent(confirmedAndDeleted);
            j.deleted(confirmedAndDeleted);
        }
        deleteFromDlq(dlq, confirmedAndDeleted);
        StateFiles.tasks(state).save(new LocalTask(new MoveTask(HANDLE, MoveTask.Kind.CLIENT, TaskStatus.RUNNING,
                dlq.arn(), orders.arn(), null, 0, null, null, Instant.now()), false, 999_999_999L, Instant.now()));

        RunResult last = redrive("start", "--resume", HANDLE, "-o", "json");
        MoverSummary summary = MoverSummary.of(last);
        Census census = Census.take(queues, dlq, orders, Duration.ofSeconds(40));

        assertThat(last.exitCode()).as(last.toString()).isZero();
        assertThat(census.lost(bodyById.values())).as(census.toString()).isEmpty();
        assertThat(census.remaining()).as(census.toString()).isZero();
        assertThat(census.inDestination().values()).as("2 copies of each, 3 of those sent a third time; " + census)
                .containsOnly(2, 3).hasSize(9);
        assertThat(summary.duplicatesPossible()).as("every message with more than one copy, each counted once; "
                + census + "\n" + last).isEqualTo(9);
    }

    private void deliver(Queue orders, String body) {
        queues.sqs().sendMessage(s -> s.queueUrl(orders.url()).messageBody(body));
    }

    private void deleteFromDlq(Queue dlq, List<String> ids) {
        List<String> left = new ArrayList<>(ids);
        for (int round = 0; round < 20 && !left.isEmpty(); round++) {
            for (var m : queues.sqs().receiveMessage(r -> r.queueUrl(dlq.url()).maxNumberOfMessages(10)
                    .visibilityTimeout(0)).messages()) {
                if (left.remove(m.messageId())) {
                    queues.sqs().deleteMessage(d -> d.queueUrl(dlq.url()).receiptHandle(m.receiptHandle()));
                }
            }
        }
        assertThat(left).as("deleted from the DLQ as the killed resume did").isEmpty();
    }
}
