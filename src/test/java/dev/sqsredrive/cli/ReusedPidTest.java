package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.task.LocalTask;
import dev.sqsredrive.task.LocalTasks;
import dev.sqsredrive.task.MoverClaim;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskStatus;
import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.MoveQueues;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task record is proof of a running mover only while the process it names is the one that wrote it and
 * keeps refreshing it (docs/STATE.md). Real processes: a mover killed with SIGKILL, then its pid handed (in
 * its record and claim) to an unrelated `sleep` that is alive; a zombie, killed and not yet reaped.
 */
@Timeout(180)
class ReusedPidTest extends ElasticMqCliTest {

    private final List<Process> started = new ArrayList<>();
    private MoveQueues moving;

    @BeforeEach
    void queues() {
        moving = MoveQueues.filled(queues, "dlq", "target", 20);
    }

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aRecordWhosePidNowBelongsToAnUnrelatedProcessIsNotRunning() throws Exception {
        String handle = killedMover();
        Process sleep = start("sleep", "600");
        pointRecordAndClaimAt(handle, sleep.pid(), null);

        RunResult list = redrive("list", moving.dlq().name());
        assertThat(list.out()).as(list.toString()).contains(handle).contains("FAILED").doesNotContain("RUNNING");

        RunResult cancel = redrive("cancel", handle);
        assertThat(cancel.exitCode()).as(cancel.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cancel.err()).contains("already FAILED").contains("--resume " + handle);

        RunResult watch = redrive("watch", handle, "--timeout", "20s");
        assertThat(watch.exitCode()).as("watch ends: the task FAILED; " + watch).isEqualTo(ExitCode.TASK_FAILED.code());

        RunResult resumed = redrive("start", "--resume", handle, "-o", "json");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).doesNotContain("still running").doesNotContain("already moving");
        Census census = Census.take(queues, moving.dlq(), moving.target(), Duration.ofSeconds(60));
        assertThat(census.lost(moving.bodies())).as(census + "\n" + resumed).isEmpty();
        assertThat(census.remaining()).as(census.toString()).isZero();
        // a kill -9 between a send and its journal line may deliver a message twice: the resume says so
        assertThat(census.extraDeliveries()).as(census + "\n" + resumed)
                .isLessThanOrEqualTo((int) MoverSummary.of(resumed).duplicatesPossible());
        assertThat(sleep.isAlive()).as("the unrelated process is left alone").isTrue();
    }

    @Test
    void aNewRunIsNotRefusedInTheNameOfAnUnrelatedProcess() throws Exception {
        String handle = killedMover();
        Process sleep = start("sleep", "600");
        pointRecordAndClaimAt(handle, sleep.pid(), null);

        RunResult r = redrive("start", moving.dlq().name(), "--to", moving.target().name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(queues.depth(moving.target())).isGreaterThanOrEqualTo(20);
    }

    @Test
    void resumeRightAfterAKillDoesNotSayStillRunning() throws Exception {
        String handle = killedMover();
        long zombie = zombie();
        pointRecordAndClaimAt(handle, zombie, Instant.now());

        RunResult r = redrive("start", "--resume", handle);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("still running");
        assertThat(queues.depth(moving.dlq())).isZero();
    }

    @Test
    void aRecordNotRefreshedForLongerThanTheBoundIsNotRunningThoughItsProcessLives() throws Exception {
        String handle = killedMover();
        Process sleep = start("sleep", "600");
        // a record of a version that wrote no start stamp: only its heartbeat can tell
        pointRecordAndClaimAt(handle, sleep.pid(), Instant.now().minus(Duration.ofMinutes(2)));

        RunResult list = redrive("list", moving.dlq().name(), "-o", "json");

        assertThat(list.out()).as(list.toString()).contains("FAILED").contains("stopped refreshing its record");
    }

    /** A real mover, moving slowly, killed with SIGKILL once its record says RUNNING; returns its handle. */
    private String killedMover() {
        try (RedriveProcess mover = RedriveProcess.start(queues.env(state), state, "start", moving.dlq().name(),
                "--to", moving.target().name(), "--mode", "client", "--rate", "2")) {
            String handle = mover.readLine();
            assertThat(handle).as("the handle; stderr:\n" + mover.stderr()).startsWith("client-");
            LocalTasks local = StateFiles.tasks(state);
            Deadline.await(Duration.ofSeconds(60), () -> local.find(handle).map(t -> t.task().moved() > 0).orElse(false),
                    () -> "the mover to record a message moved; stderr:\n" + mover.stderr());
            mover.kill();
            assertThat(local.find(handle).orElseThrow().task().status()).isEqualTo(TaskStatus.RUNNING);
            return handle;
        }
    }

    /**
     * As after a kill -9 when the system hands the pid on: the record and the claim name {@code pid}; the
     * record keeps the killed mover's start stamp, unless {@code refreshed} is given: then it has none (as a
     * record written before stamps) and was last refreshed then.
     */
    private void pointRecordAndClaimAt(String handle, long pid, Instant refreshed) throws IOException {
        LocalTasks local = StateFiles.tasks(state);
        LocalTask r = local.find(handle).orElseThrow();
        local.save(refreshed == null ? new LocalTask(r.task(), false, pid, r.pidStart(), r.updatedAt())
                : new LocalTask(r.task(), false, pid, null, refreshed));
        Path claim = MoverClaim.fileOf(state, moving.dlq().arn());
        if (Files.exists(claim)) {
            ObjectNode n = (ObjectNode) TaskCodec.JSON.readTree(Files.readString(claim));
            n.put("pid", pid);
            Files.writeString(claim, n.toString());
        }
    }

    private Process start(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** A child of a process that never reaps it: killed (exited), still in the process table as a zombie. */
    private long zombie() throws IOException {
        Process parent = start("sh", "-c", "sleep 0.2 & echo $!; exec sleep 600");
        String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        long pid = Long.parseLong(line.strip());
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        Deadline.await(Duration.ofSeconds(20), () -> state(stat).equals("Z"), () -> "process " + pid + " to be a"
                + " zombie; it is " + state(stat));
        return pid;
    }

    private static String state(Path stat) {
        try {
            String s = Files.readString(stat);
            return s.substring(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3);
        } catch (IOException e) {
            return "gone";
        }
    }
}
