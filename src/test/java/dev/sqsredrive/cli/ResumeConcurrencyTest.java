package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqsredrive.mover.Journal;
import dev.sqsredrive.task.ClientOptions;
import dev.sqsredrive.task.JournalHeader;
import dev.sqsredrive.task.LocalTask;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.task.TaskStatus;
import dev.sqsredrive.testing.MoveQueues;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The workers of `start --resume` (docs/MOVER.md "Concurrency"): the recorded --concurrency unless another is
 * given, and an explicit `--concurrency auto` is given too: it makes the resumed run adaptive.
 */
@Timeout(120)
class ResumeConcurrencyTest extends ElasticMqCliTest {

    private static final String HANDLE = "client-three-workers";

    private MoveQueues moving;

    /** A task orders-dlq → orders started with --concurrency 3, whose process died before moving any. */
    @BeforeEach
    void crashedTask() {
        moving = MoveQueues.filled(queues, "orders-dlq", "orders", 20);
        ClientOptions options = ClientOptions.builder().concurrency(3).build();
        JournalHeader header = new JournalHeader(HANDLE, moving.dlq().arn(), moving.target().arn(), null, options);
        Journal.open(StateFiles.journals(state).fileOf(moving.dlq().arn(), HANDLE), header.toJson()).close();
        StateFiles.tasks(state).save(new LocalTask(new MoveTask(HANDLE, MoveTask.Kind.CLIENT, TaskStatus.RUNNING,
                moving.dlq().arn(), moving.target().arn(), null, 0, null, null, Instant.now()), false, 999_999_999L,
                Instant.now()));
    }

    @Test
    void withoutConcurrencyTheRecordedNumberIsKept() throws Exception {
        JsonNode workers = resumed("start", "--resume", HANDLE, "-o", "json");

        assertThat(workers.path("adaptive").asBoolean()).as(workers.toString()).isFalse();
        assertThat(workers.path("peak").asInt()).isEqualTo(3);
    }

    @Test
    void concurrencyAutoMakesTheResumedRunAdaptive() throws Exception {
        JsonNode workers = resumed("start", "--resume", HANDLE, "--concurrency", "auto", "-o", "json");

        assertThat(workers.path("adaptive").asBoolean()).as(workers.toString()).isTrue();
        assertThat(workers.path("max").asInt()).isEqualTo(ClientOptions.MAX_CONCURRENCY);
    }

    @Test
    void anotherNumberReplacesTheRecordedOne() throws Exception {
        JsonNode workers = resumed("start", "--resume", HANDLE, "--concurrency", "5", "-o", "json");

        assertThat(workers.path("adaptive").asBoolean()).as(workers.toString()).isFalse();
        assertThat(workers.path("peak").asInt()).isEqualTo(5);
    }

    /** Runs the resume, checks that it moved every message once, and returns its summary's workers. */
    private JsonNode resumed(String... args) throws Exception {
        RunResult r = redrive(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(queues.bodies(queues.drain(moving.target()))).as(r.toString())
                .containsExactlyInAnyOrderElementsOf(moving.bodies());
        assertThat(queues.depth(moving.dlq())).isZero();
        return TaskCodec.JSON.readTree(r.out()).path("workers");
    }
}
