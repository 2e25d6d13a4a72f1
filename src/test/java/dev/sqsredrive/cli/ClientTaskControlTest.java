package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.mover.Journal;
import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.task.JournalHeader;
import dev.sqsredrive.task.LocalTask;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskStatus;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;

/** A client-side task seen and stopped from another shell, interrupted by Ctrl-C, and resumed after a crash. */
@Timeout(120)
class ClientTaskControlTest extends ElasticMqCliTest {

    private long moved(String handle) {
        return StateFiles.tasks(state).find(handle).map(t -> t.task().moved()).orElse(0L);
    }

    /** A slow client-side move in "another shell", once its record shows that messages are moving. */
    private BackgroundRedrive startMoving(Queue dlq, Queue target, String rate) {
        BackgroundRedrive start = new BackgroundRedrive(queues.env(state), "start", dlq.name(), "--to",
                target.name(), "--mode", "client", "--rate", rate, "--concurrency", "4");
        String handle = start.handle();
        Deadline.await(Duration.ofSeconds(20), () -> moved(handle) > 0, () -> "the record to show progress");
        return start;
    }

    @Test
    void listWatchCancelAndResumeWorkOnAClientTaskFromAnotherShell() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 40, "m");
        // One message held "elsewhere": a run waits for such a message to come back before it calls the DLQ
        // drained, so the move below cannot finish before the cancel lands, however slow this machine is.
        List<Message> elsewhere = queues.sqs().receiveMessage(q -> q.queueUrl(dlq.url()).maxNumberOfMessages(1)
                .visibilityTimeout(300)).messages();
        assertThat(elsewhere).hasSize(1);
        BackgroundRedrive start = startMoving(dlq, target, "10");
        String handle = start.handle();
        assertThat(handle).startsWith("client-");

        RunResult list = redrive("list", dlq.name(), "-o", "json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(handle).contains("\"kind\":\"client\"").contains("RUNNING");

        RunResult second = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
        assertThat(second.err()).contains("client-side task " + handle + " is already moving");

        RunResult cancel = redrive("cancel", handle);
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        RunResult watch = redrive("watch", handle, "--interval", "200ms");
        RunResult started = start.await();

        assertThat(started.exitCode()).as(started.toString()).isEqualTo(5);
        assertThat(started.out()).contains("CANCELLED");
        assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(5);

        queues.sqs().changeMessageVisibility(c -> c.queueUrl(dlq.url())
                .receiptHandle(elsewhere.get(0).receiptHandle()).visibilityTimeout(0));
        RunResult resumed = redrive("start", "--resume", handle, "--rate", "10"); // the same rate: honoured
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).startsWith(handle).contains("COMPLETED");
        assertThat(queues.bodies(queues.drain(target))).hasSize(40).doesNotHaveDuplicates();
        assertThat(queues.depth(dlq)).isZero();
    }

    @Test
    void ctrlCFinishesInFlightWorkReleasesHeldMessagesAndExits130() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 60, "m");
        BackgroundRedrive start = startMoving(dlq, target, "20");
        String handle = start.handle();

        InterruptHook.fireAll(); // what the JVM runs on SIGINT
        RunResult r = start.await();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(r.out()).contains("moved ");
        assertThat(InterruptHook.anyActive()).isFalse();
        int moved = queues.drain(target).size();
        // Nothing still hidden: what was held but not sent is visible again at once.
        List<Message> left = queues.sqs().receiveMessage(q -> q.queueUrl(dlq.url()).maxNumberOfMessages(10)
                .waitTimeSeconds(0)).messages();
        assertThat(left).isNotEmpty();
        assertThat(moved + queues.drain(dlq).size() + left.size()).isEqualTo(60);
        assertThat(StateFiles.tasks(state).find(handle).orElseThrow().task().status()).as("a signal, not a cancel")
                .isEqualTo(TaskStatus.INTERRUPTED);
    }

    @Test
    void resumeDeletesWhatACrashedRunSentInsteadOfSendingItAgain() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 8, "m");
        String handle = "client-crashed";
        // The crashed run: received 5, sent 3, recorded those sends, died before deleting; all 5 stay hidden
        // until the resumed run has said so (then the test ends their hold, as their timeout would).
        List<Message> held = queues.sqs().receiveMessage(q -> q.queueUrl(dlq.url()).maxNumberOfMessages(5)
                .visibilityTimeout(300)).messages();
        assertThat(held).hasSize(5);
        List<String> ids = new ArrayList<>();
        for (Message m : held.subList(0, 3)) {
            queues.sqs().sendMessage(s -> s.queueUrl(target.url()).messageBody(m.body()));
            ids.add(m.messageId());
        }
        JournalHeader header = new JournalHeader(handle, dlq.arn(), target.arn(), null, ClientOptions.none());
        try (Journal j = Journal.open(StateFiles.journals(state).fileOf(dlq.arn(), handle), header.toJson())) {
            j.sent(ids);
        }
        StateFiles.tasks(state).save(new LocalTask(new MoveTask(handle, MoveTask.Kind.CLIENT, TaskStatus.RUNNING,
                dlq.arn(), target.arn(), null, 0, 8L, null, Instant.now()), false, 999_999_999L, Instant.now()));

        RunResult list = redrive("list", dlq.name());
        assertThat(list.out()).as(list.toString()).contains("FAILED");
        BackgroundRedrive resume = new BackgroundRedrive(queues.env(state), "start", "--resume", handle, "-o", "json");
        Deadline.await(Duration.ofSeconds(30), () -> resume.result().err().contains(
                "still holds 5 message(s) this run has not received"), () -> "the wait for the held 5: " + resume.result());
        for (Message m : held) {
            queues.sqs().changeMessageVisibility(c -> c.queueUrl(dlq.url()).receiptHandle(m.receiptHandle())
                    .visibilityTimeout(0));
        }
        RunResult r = resume.await();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode n = TaskCodec.JSON.readTree(r.out());
        assertThat(n.get("taskHandle").asText()).isEqualTo(handle);
        assertThat(n.get("resumedDeletes").asLong()).isEqualTo(3);
        assertThat(r.err()).contains("3 message(s) were sent by an earlier run but not deleted");
        List<String> bodies = queues.bodies(queues.drain(target));
        assertThat(bodies).hasSize(8).doesNotHaveDuplicates();
        assertThat(queues.depth(dlq)).isZero();
        assertThat(StateFiles.journals(state).allFiles()).isEmpty(); // nothing left to resume
    }

    @Test
    void rerunningTheSameCommandAlsoFinishesACrashedRunsDeletes() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 5, "m");
        List<Message> held = queues.sqs().receiveMessage(q -> q.queueUrl(dlq.url()).maxNumberOfMessages(2)
                .visibilityTimeout(1)).messages();
        held.forEach(m -> queues.sqs().sendMessage(s -> s.queueUrl(target.url()).messageBody(m.body())));
        try (Journal j = Journal.open(StateFiles.journals(state).fileOf(dlq.arn(), "client-old"), "{}")) {
            j.sent(held.stream().map(Message::messageId).toList());
        }

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(queues.bodies(queues.drain(target))).hasSize(5).doesNotHaveDuplicates();
        assertThat(queues.depth(dlq)).isZero();
    }
}
