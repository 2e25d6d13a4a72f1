package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one-pass rule across kill -9 and {@code start --resume}: a real mover process feeds a failing consumer
 * (visibility 0, never deletes, maxReceiveCount 1: each message comes straight back to the DLQ with the
 * MessageId the mover's send got) and is killed mid-run; the resumed run must not move again what the killed
 * one moved. Every send makes a new MessageId at the destination, so the consumer counts the sends of a body
 * as the distinct MessageIds it saw carrying it.
 */
@Timeout(150)
class SafeRedriveResumeTest extends ElasticMqCliTest {

    private static final int MESSAGES = 60;

    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final Map<String, Set<String>> sendsByBody = new ConcurrentHashMap<>();
    private Thread consumer;

    @AfterEach
    void stopConsumer() throws InterruptedException {
        consuming.set(false);
        if (consumer != null) {
            consumer.join(10_000);
        }
    }

    @Test
    void aResumedRunDoesNotMoveAgainWhatTheKilledRunMoved() throws InterruptedException {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        queues.deadLetter(orders, dlq, MESSAGES, "m");
        consumeFailing(orders);
        Map<String, String> env = queues.env(state);

        String handle;
        try (RedriveProcess mover = RedriveProcess.start(env, state, "start", dlq.name(), "--mode", "client",
                "--rate", "10", "--max-returned", "off", "--yes")) {
            handle = mover.readLine();
            assertThat(handle).as("the task handle first; stderr:\n" + mover.stderr()).startsWith("client-");
            Deadline.await(Duration.ofSeconds(40), () -> sends() >= 20,
                    () -> "20 sends to the destination; seen " + sends() + "; stderr:\n" + mover.stderr());
            mover.kill();
        }
        int sentBeforeKill = sends();
        assertThat(sentBeforeKill).as("killed mid-run").isLessThan(MESSAGES);

        RunResult resumed = redrive("start", "--resume", handle, "--max-returned", "off", "-o", "json");
        MoverSummary summary = MoverSummary.of(resumed);
        assertThat(resumed.exitCode()).as(resumed.toString()).isIn(0, 8);
        // Every send's copy comes back to the DLQ, beside the messages never sent: 60 when nothing was sent twice,
        // more when the kill fell between a send and its journal line (the duplicates the summary admits, below).
        // A copy the resumed run moved again is no longer in the DLQ (depth counts the messages in flight too), so
        // the count is never reached then: a body sent a third time ends the wait, for the one-pass check below.
        Deadline.await(Duration.ofSeconds(60), () -> mostSendsOfOneBody() > 2 || queues.depth(orders) == 0
                        && queues.depth(dlq) == sends() + MESSAGES - sendsByBody.size(),
                () -> "every copy back in the DLQ; orders " + queues.depth(orders) + ", dlq (visible and in flight) "
                        + queues.depth(dlq) + ", sends " + sends() + " of " + sendsByBody.size() + " bodies; "
                        + resumed);
        stopConsumer();

        long sentTwice = sendsByBody.values().stream().filter(ids -> ids.size() > 1).count();
        String story = "killed after " + sentBeforeKill + " sends; bodies sent " + sendsByBody.size() + ", sent twice "
                + sentTwice + ", most sends of one body " + mostSendsOfOneBody() + "; resumed: " + resumed;
        assertThat(sendsByBody).as("every message moved once by the task; " + story).hasSize(MESSAGES);
        assertThat(sendsByBody.values()).as("no body sent a third time (e.g. the copy of a send the killed run "
                + "never recorded, dead-lettered back and moved again as a new message); " + story)
                .allMatch(ids -> ids.size() <= 2);
        // Twice only in the crash window the resumed run admits (confirmed, not yet journaled when killed).
        assertThat(sentTwice).as(story).isLessThanOrEqualTo(summary.duplicatesPossible());
        assertThat(summary.raw().path("returned").asLong()).as("the killed run's moves came back: returned, "
                + "not moved; " + story).isPositive();
        System.out.println("resume keeps one pass: " + story.lines().findFirst().orElse(""));
    }

    private int mostSendsOfOneBody() {
        return sendsByBody.values().stream().mapToInt(Set::size).max().orElse(0);
    }

    private int sends() {
        return sendsByBody.values().stream().mapToInt(Set::size).sum();
    }

    private void consumeFailing(Queue queue) {
        consumer = new Thread(() -> {
            long until = System.nanoTime() + 140_000_000_000L;
            while (consuming.get() && System.nanoTime() < until) {
                queues.sqs().receiveMessage(q -> q.queueUrl(queue.url()).maxNumberOfMessages(10)
                        .visibilityTimeout(0).waitTimeSeconds(0)).messages()
                        .forEach(m -> sendsByBody.computeIfAbsent(m.body(), b -> ConcurrentHashMap.newKeySet())
                                .add(m.messageId()));
            }
        }, "failing-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }
}
