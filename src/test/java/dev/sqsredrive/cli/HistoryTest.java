package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqsredrive.audit.AuditLog;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** start and cancel leave a line each in the audit log; `redrive history` shows them; the log never costs a move. */
@Timeout(120)
class HistoryTest extends ElasticMqCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private List<JsonNode> historyJson(String... more) throws Exception {
        String[] args = new String[more.length + 3];
        args[0] = "history";
        args[1] = "-o";
        args[2] = "json";
        System.arraycopy(more, 0, args, 3, more.length);
        RunResult history = redrive(args).assertExitCode(0);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : history.outLines()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void anInspectionIsRecordedWithWhatItSawAndARefusedOneWithItsError() throws Exception {
        Queue dlq = queues.create("dlq");
        queues.createSourceOf("orders", dlq, false);
        queues.send(dlq, 7, "look");
        Queue last = queues.create("last-dlq");
        Queue guarded = queues.createSourceOf("guarded-dlq", last, false); // a DLQ with a DLQ of its own

        redrive("inspect", dlq.name(), "-o", "json").assertExitCode(0);
        redrive("inspect", guarded.name()).assertExitCode(2);

        List<JsonNode> lines = historyJson();
        assertThat(lines).extracting(l -> l.get("command").asText()).containsExactly("inspect", "inspect");
        JsonNode seen = lines.get(0);
        assertThat(seen.get("source").asText()).isEqualTo(dlq.arn());
        assertThat(seen.get("counts").get("seen").asLong()).isEqualTo(7);
        assertThat(seen.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(seen.get("destination").isNull()).isTrue();
        JsonNode refused = lines.get(1);
        assertThat(refused.get("source").asText()).isEqualTo(guarded.arn());
        assertThat(refused.get("exitCode").asInt()).isEqualTo(2);
        assertThat(refused.get("error").asText()).contains("has a RedrivePolicy of its own");
    }

    @Test
    void historyShowsAStartAndACancelWithTheirCountsOutcomesAndExitCodes() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Queue target = queues.create("target");
        queues.send(dlq, 3, "move");
        queues.deadLetter(orders, dlq, 20, "stay");

        RunResult client = redrive("start", dlq.name(), "--to", target.name(), "--filter", "body:move")
                .assertExitCode(0);
        RunResult nativeStart = redrive("start", dlq.name(), "--to", target.name(), "--rate", "1").assertExitCode(0);
        RunResult cancel = redrive("cancel", "--source", dlq.name()).assertExitCode(0);
        redrive("start", dlq.name(), "--rate", "0").assertExitCode(2);

        List<JsonNode> lines = historyJson();
        assertThat(lines).extracting(l -> l.get("command").asText()).containsExactly("start", "start", "cancel", "start");
        JsonNode moved = lines.get(0);
        assertThat(moved.get("args")).extracting(JsonNode::asText)
                .containsExactly("start", dlq.name(), "--to", target.name(), "--filter", "body:move");
        assertThat(moved.get("source").asText()).isEqualTo(dlq.arn());
        assertThat(moved.get("destination").asText()).isEqualTo(target.arn());
        assertThat(moved.get("filters")).extracting(JsonNode::asText).containsExactly("body:move");
        assertThat(moved.get("handle").asText()).isEqualTo(client.outLines().get(0));
        assertThat(moved.get("counts").get("moved").asLong()).isEqualTo(3);
        assertThat(moved.get("counts").get("skipped").asLong()).isEqualTo(20);
        assertThat(moved.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(moved.get("exitCode").asInt()).isZero();
        assertThat(moved.get("user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(moved.get("caller").isNull()).as("no STS on an emulator").isTrue();

        JsonNode started = lines.get(1);
        assertThat(started.get("handle").asText()).isEqualTo(nativeStart.outLines().get(0));
        assertThat(started.get("outcome").asText()).isEqualTo("RUNNING");

        JsonNode cancelled = lines.get(2);
        assertThat(cancelled.get("source").asText()).isEqualTo(dlq.arn());
        assertThat(cancelled.get("handle").asText()).isEqualTo(started.get("handle").asText());
        assertThat(cancelled.get("counts").get("moved").asLong()).isEqualTo(Long.parseLong(cancel.outLines().get(0)));
        assertThat(cancelled.get("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("exitCode").asInt()).isZero();

        JsonNode refused = lines.get(3);
        assertThat(refused.get("exitCode").asInt()).isEqualTo(2);
        assertThat(refused.get("outcome").asText()).isEqualTo("USAGE");
        assertThat(refused.get("error").asText()).contains("--rate");

        RunResult text = redrive("history", dlq.name(), "--max", "3").assertExitCode(0);
        assertThat(text.outLines()).hasSize(4); // the header and the three most recent, newest last
        assertThat(text.outLines().get(0)).startsWith("TIME").contains("OUTCOME", "EXIT", "COUNTS");
        assertThat(text.outLines().get(2)).contains("cancel", dlq.name(), "CANCELLED");
        assertThat(text.outLines().get(3)).contains("start", "USAGE", "  2  ");
        assertThat(redrive("history", "--max", "4").outLines().get(1))
                .contains("start", dlq.name(), target.name(), "COMPLETED", "moved 3, skipped 20");
        assertThat(historyJson("some-other-queue")).isEmpty();
    }

    @Test
    void aNativeTaskFollowedByWatchIsRecordedAsItEndedWithItsCount() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        queues.deadLetter(orders, dlq, 6, "m");

        redrive("start", dlq.name(), "--mode", "native", "--watch", "--interval", "200ms").assertExitCode(0);

        JsonNode line = historyJson().get(0);
        assertThat(line.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(line.get("counts").get("moved").asLong()).isEqualTo(6);
        assertThat(line.get("exitCode").asInt()).isZero();
    }

    @Test
    void anAuditLogThatCannotBeWrittenIsAWarningAndTheMoveStillSucceeds() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 5, "m");
        // A folder where the log should be: no write can open it, not even root's (tests may run as root).
        Files.createDirectories(state.resolve(AuditLog.FILE_NAME));

        RunResult start = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("COMPLETED");
        assertThat(start.errLines()).filteredOn(l -> l.contains("audit log"))
                .singleElement().asString().contains("warning: audit log not written").contains(AuditLog.FILE_NAME);
        assertThat(queues.drain(target)).hasSize(5);
        assertThat(queues.depth(dlq)).isZero();
    }

    @Test
    void theAuditLogIsPrivateAndItsTimeComesFromTheInjectedClock() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 2, "m");
        Instant when = Instant.parse("2026-03-04T05:06:07Z");
        Context context = new Context(queues.env(state), Clock.fixed(when, ZoneOffset.UTC),
                Ticker.system(), Sleeper.real(), false,
                new BufferedReader(new StringReader("")));

        Redrive.run(context, "start", dlq.name(), "--to", target.name(), "--mode", "client").assertExitCode(0);

        Path log = state.resolve(AuditLog.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(historyJson()).singleElement().satisfies(l -> assertThat(l.get("time").asText()).isEqualTo(when.toString()));
    }

    @Test
    void badInputToHistoryIsOneLineAndExit2AndAnUnreadableLogExit9() throws Exception {
        RunResult max = redrive("history", "--max", "0");
        assertThat(max.exitCode()).isEqualTo(2);
        assertThat(max.errLines()).containsExactly("redrive: --max 0 is out of range: at least 1");
        RunResult queue = redrive("history", "not a queue!");
        assertThat(queue.exitCode()).isEqualTo(2);
        assertThat(queue.errLines()).hasSize(1);

        assertThat(redrive("history").assertExitCode(0).err()).contains("No history");
        Files.writeString(state.resolve(AuditLog.FILE_NAME), "{not json\n");
        RunResult damaged = redrive("history").assertExitCode(0);
        assertThat(damaged.errLines()).anySatisfy(l -> assertThat(l).contains("1 line(s)", "skipped"));

        Files.delete(state.resolve(AuditLog.FILE_NAME));
        Files.createDirectories(state.resolve(AuditLog.FILE_NAME));
        RunResult unreadable = redrive("history");
        assertThat(unreadable.exitCode()).as(unreadable.toString()).isEqualTo(9);
        assertThat(unreadable.errLines()).hasSize(1);
    }
}
