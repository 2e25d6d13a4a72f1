package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.task.MoverClaim;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One mover per DLQ, also when two start at the same moment, and between a client-side run and a native task. */
@Timeout(120)
class OneMoverPerDlqTest extends ElasticMqCliTest {

    @Test
    void twoMoversAnsweredYesAtTheSameMomentMoveOnceBetweenThem() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 30, "m");
        // Two terminals: both have passed the check before the question, and both answer y at once.
        CyclicBarrier answer = new CyclicBarrier(2);
        ExecutorService shells = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> runs = List.of(shells.submit(() -> atATerminal(answer, dlq, target)),
                    shells.submit(() -> atATerminal(answer, dlq, target)));
            RunResult a = runs.get(0).get(90, TimeUnit.SECONDS);
            RunResult b = runs.get(1).get(90, TimeUnit.SECONDS);

            RunResult moved = a.exitCode() == 0 ? a : b;
            RunResult refused = moved == a ? b : a;
            assertThat(moved.exitCode()).as(moved.toString()).isZero();
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            String handle = moved.outLines().get(0).replaceAll(".*\"taskHandle\" ?: ?\"([^\"]+)\".*", "$1");
            List<String> errors = refused.errLines().stream().filter(l -> l.contains("redrive:")).toList();
            assertThat(errors).as(refused.toString()).hasSize(1);
            assertThat(errors.get(0)).contains("client-side task " + handle + " is already moving '" + dlq.name());
            assertThat(refused.out()).isEmpty();
            assertThat(queues.bodies(queues.drain(target))).hasSize(30).doesNotHaveDuplicates();
            assertThat(Files.exists(MoverClaim.fileOf(state, dlq.arn()))).as("released at the end").isFalse();
        } finally {
            shells.shutdownNow();
        }
    }

    private RunResult atATerminal(CyclicBarrier answer, Queue dlq, Queue target) {
        Reader yesTogether = new Reader() {
            private boolean answered;

            @Override
            public int read(char[] buf, int off, int len) {
                if (answered) {
                    return -1;
                }
                try {
                    answer.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the other terminal never reached the question", e);
                }
                answered = true;
                buf[off] = 'y';
                buf[off + 1] = '\n';
                return 2;
            }

            @Override
            public void close() {
            }
        };
        Context context = new Context(queues.env(state), Clock.systemUTC(), Ticker.system(), Sleeper.real(), true,
                new BufferedReader(yesTogether));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // -o json: asked like any terminal, but no live view to draw in a test.
        int code = Main.run(context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "start", dlq.name(), "--to", target.name(),
                "--mode", "client", "-o", "json");
        return new RunResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLiveClaimRefusesAndAClaimOfADeadProcessIsTakenOver() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 5, "m");
        Path claim = MoverClaim.fileOf(state, dlq.arn());
        Files.createDirectories(claim.getParent());
        // Claimed a moment ago by a live process (this one) whose run has not written its record yet.
        Files.writeString(claim, "{\"pid\":" + ProcessHandle.current().pid() + ",\"taskHandle\":\"client-starting\","
                + "\"claimedAt\":" + Instant.now().toEpochMilli() + "}");

        RunResult refused = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.errLines()).as(refused.toString()).hasSize(1);
        assertThat(refused.err()).contains("client-side task client-starting is already moving");
        assertThat(queues.depth(dlq)).isEqualTo(5);

        // The same claim left by a process killed with -9 (no such pid: above Linux's pid_max).
        Files.writeString(claim, "{\"pid\":999999999,\"taskHandle\":\"client-killed\",\"claimedAt\":"
                + Instant.now().toEpochMilli() + "}");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("taking over the claim on '" + dlq.name() + "' left by process 999999999"
                + " (task client-killed)");
        assertThat(queues.bodies(queues.drain(target))).hasSize(5);
        assertThat(Files.exists(claim)).isFalse();
    }

    @Test
    void aNativeStartOnADlqAClientRunIsMovingStartsNoTask() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue source = queues.createSourceOf("src", dlq, false);
        Queue target = queues.create("target");
        queues.deadLetter(source, dlq, 30, "m");
        BackgroundRedrive client = new BackgroundRedrive(queues.env(state), "start", dlq.name(), "--to",
                target.name(), "--mode", "client", "--rate", "5", "--concurrency", "1");
        String handle = client.handle();
        Deadline.await(Duration.ofSeconds(20), () -> StateFiles.tasks(state).find(handle)
                .map(t -> t.task().moved() > 0).orElse(false), () -> "the client-side run to move");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "native");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("client-side task " + handle + " is already moving '" + dlq.name());
        assertThat(queues.sqs().listMessageMoveTasks(l -> l.sourceArn(dlq.arn()).maxResults(10)).results())
                .as("no native task started").isEmpty();

        assertThat(redrive("cancel", handle).exitCode()).isZero();
        assertThat(client.await().exitCode()).isEqualTo(5);
    }
}
