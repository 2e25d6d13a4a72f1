package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.task.LocalTasks;
import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real mover process in the middle of a move, then `start --resume`: every message is
 * accounted for, and copies exist only as far as the resumed run admits them.
 */
@Timeout(180)
class ClientMoverKillTest {

    private static final int MESSAGES = 200;
    private static final int RATE = 50;

    @TempDir
    Path stateDir;

    /** MessageIds the journals under the state directory record as sent (S) and not deleted (D). */
    private static long journalPending(Path stateDir) {
        if (!Files.isDirectory(stateDir.resolve("journals"))) {
            return 0; // the mover has not opened its journal yet
        }
        try (Stream<Path> files = Files.walk(stateDir.resolve("journals"))) {
            Set<String> sent = new HashSet<>();
            Set<String> deleted = new HashSet<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("S ")) {
                        sent.add(line.substring(2).strip());
                    } else if (line.startsWith("D ")) {
                        deleted.add(line.substring(2).strip());
                    }
                }
            }
            sent.removeAll(deleted);
            return sent.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMoverKilledMidMoveResumesWithoutLosingOrSilentlyDuplicatingMessages() {
        try (TestQueues queues = TestQueues.elasticMq()) {
            TestQueues.Queue dlq = queues.create("dlq");
            TestQueues.Queue dest = queues.createSourceOf("orders", dlq, false);
            List<String> bodies = queues.send(dlq, MESSAGES, "kill");
            Map<String, String> env = queues.env(stateDir);
            // Deletes that never answer keep sent-but-not-deleted messages in the journal when the kill comes,
            // however loaded the machine, so the resume must finish them (delete, not send again); the proxy
            // drops the held deletes once closed.
            Map<String, String> killedEnv = new HashMap<>(env);
            FaultProxy slowDeletes = FaultProxy.start(ElasticMq.endpoint(),
                    FaultRule.on("DeleteMessageBatch", Fault.stall(), 1, 1, 1000));
            killedEnv.put("AWS_ENDPOINT_URL", slowDeletes.endpoint().toString());

            String handle;
            long pid;
            try (RedriveProcess mover = RedriveProcess.start(killedEnv, stateDir, "start", dlq.name(), "--mode", "client",
                    "--to", dest.name(), "--rate", String.valueOf(RATE))) {
                handle = mover.readLine();
                assertThat(handle).as("first stdout line is the task handle; stderr:\n" + mover.stderr())
                        .isNotBlank();
                pid = mover.pid();
                Deadline.await(Duration.ofSeconds(30),
                        () -> queues.depth(dest) >= RATE && journalPending(stateDir) > 0,
                        () -> "the mover to move " + RATE + " messages and journal them sent; destination has "
                                + queues.depth(dest) + "; stderr:\n" + mover.stderr());
                mover.kill();
            } finally {
                slowDeletes.close();
            }
            long movedBeforeKill = queues.depth(dest);
            assertThat(movedBeforeKill).as("killed mid-move, not after the end").isLessThan(MESSAGES);

            RunResult list = Redrive.run(env, "list", dlq.name());
            assertThat(list.out()).as(list.toString()).contains(handle).contains("FAILED");
            RunResult listJson = Redrive.run(env, "list", dlq.name(), "-o", "json");
            assertThat(listJson.out()).as(listJson.toString()).contains("FAILED").contains("--resume " + handle)
                    .contains("mover process " + pid);
            RunResult watch = Redrive.run(env, "watch", handle, "--timeout", "10s");
            assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(4);
            assertThat(watch.out() + watch.err()).as(watch.toString()).contains("--resume " + handle);

            long sentNotDeleted = journalPending(stateDir);
            RunResult resumed = Redrive.run(env, "start", "--resume", handle, "-o", "json");
            MoverSummary summary = MoverSummary.of(resumed);
            Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(90));

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(summary.taskHandle()).isEqualTo(handle);
            assertThat(census.lost(bodies)).as(census.toString()).isEmpty();
            assertThat(census.delivered()).as(census.toString()).isEqualTo(MESSAGES);
            assertThat(census.remaining()).as(census.toString()).isZero();
            String story = census + "; journal had " + sentNotDeleted + " sent-not-deleted\n" + resumed;
            assertThat(census.duplicates()).as("copies found vs admitted by the resumed run; " + story)
                    .isLessThanOrEqualTo((int) summary.duplicatesPossible());
            // the crash window: a batch whose send was confirmed but not yet journaled, one per worker at most
            // (the adaptive default starts up to MAX_CONCURRENCY workers)
            assertThat(census.duplicates()).as(story).isLessThanOrEqualTo(ClientOptions.MAX_CONCURRENCY * 10);
            assertThat(sentNotDeleted).as("the kill left sent-but-not-deleted messages to resume; " + story)
                    .isPositive();
            assertThat(summary.raw().path("resumedDeletes").asLong()).as("journaled sends are deleted, not resent; "
                    + story).isPositive().isLessThanOrEqualTo(sentNotDeleted);
            System.out.println("kill -9 after " + movedBeforeKill + " moved; " + story);
        }
    }

    /**
     * kill -9 while the task's record (rewritten once a second) lags behind its journal, then resume: the
     * limit is counted from the journal, so the task as a whole never delivers more than --limit.
     */
    @Test
    void aKilledRunWithALimitResumedDeliversNoMoreThanTheLimit() {
        int total = 600;
        int limit = 300;
        try (TestQueues queues = TestQueues.elasticMq()) {
            TestQueues.Queue dlq = queues.create("dlq");
            TestQueues.Queue dest = queues.create("dest");
            List<String> bodies = queues.send(dlq, total, "limit");
            Map<String, String> env = queues.env(stateDir);
            LocalTasks tasks = StateFiles.tasks(stateDir);

            String handle;
            long[] lag = new long[2];
            try (RedriveProcess mover = RedriveProcess.start(env, stateDir, "start", dlq.name(), "--mode", "client",
                    "--to", dest.name(), "--rate", "100", "--limit", String.valueOf(limit), "--concurrency", "2")) {
                handle = mover.readLine();
                assertThat(handle).as("first stdout line is the task handle; stderr:\n" + mover.stderr())
                        .startsWith("client-");
                // Kill while the destination is well ahead of what the record says was moved.
                Deadline.await(Duration.ofSeconds(30), () -> {
                    lag[0] = queues.depth(dest);
                    lag[1] = tasks.find(handle).map(t -> t.task().moved()).orElse(0L);
                    return lag[0] - lag[1] >= 40 && lag[0] < limit - 50;
                }, () -> "the destination (" + lag[0] + ") to run 40 ahead of the record (" + lag[1] + "), below "
                        + (limit - 50) + "; stderr:\n" + mover.stderr());
                mover.kill();
            }
            long recordAtKill = tasks.find(handle).orElseThrow().task().moved();

            RunResult resumed = Redrive.run(env, "start", "--resume", handle, "-o", "json");
            Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(60));

            String story = "record said " + recordAtKill + " moved at the kill, destination had about " + lag[0]
                    + "; delivered " + census.delivered() + ", in the DLQ " + census.remaining() + " (both: "
                    + census.deliveredButNotDeleted() + ")\n" + resumed;
            assertThat(resumed.exitCode()).as(story).isZero();
            assertThat(census.lost(bodies)).as(story).isEmpty();
            assertThat(census.delivered()).as("delivered by the task, killed and resumed; " + story)
                    .isLessThanOrEqualTo(limit);
            int leftOnlyInDlq = census.remaining() - census.deliveredButNotDeleted();
            assertThat(census.delivered() + leftOnlyInDlq).as(story).isEqualTo(total);
            System.out.println("--limit " + limit + ", kill -9, resume: " + story);
        }
    }
}
