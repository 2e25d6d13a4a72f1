package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The triage loop through the real CommandLine on ElasticMQ: the filter inspect prints for a group, pasted into
 * `start --to X`, moves exactly that group and leaves the rest; --ids-from moves exactly the ids listed.
 */
@Timeout(180)
class InspectThenMoveTest extends ElasticMqCliTest {

    @Test
    void theFilterPrintedForEachGroupMovesExactlyThatGroup() throws Exception {
        TriageDlq dlq = new TriageDlq(queues);
        Queue target = queues.create("target");
        RunResult inspected = redrive("inspect", dlq.dlq.name());
        assertThat(inspected.exitCode()).as(inspected.toString()).isZero();
        List<String> filterLines = inspected.outLines().stream().filter(l -> l.startsWith("    filter    "))
                .map(l -> l.substring("    filter    ".length())).toList();
        assertThat(filterLines).hasSize(dlq.census.size());
        List<String> left = new ArrayList<>(dlq.allBodies());

        for (List<String> group : dlq.census.keySet()) {
            String pasted = String.join(" ", group.stream().map(f -> "--filter '" + f.replace("'", "'\\''") + "'")
                    .toList());
            assertThat(filterLines).as(inspected.toString()).contains(pasted);
            List<String> args = new ArrayList<>(List.of("start", dlq.dlq.name(), "--to", target.name()));
            args.addAll(shellWords(pasted));

            RunResult moved = redrive(args.toArray(String[]::new));

            assertThat(moved.exitCode()).as(moved.toString()).isZero();
            List<String> bodies = dlq.census.get(group);
            assertThat(queues.bodies(queues.drain(target))).as("moved by " + pasted)
                    .containsExactlyInAnyOrderElementsOf(bodies);
            bodies.forEach(left::remove);
            assertThat(queues.depth(dlq.dlq)).isEqualTo(left.size());
        }
        assertThat(left).isEmpty();
    }

    /** The words a POSIX shell makes of a pasted line: sh itself splits it, quotes and escapes included. */
    private static List<String> shellWords(String line) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "eval \"set -- $1\"; for a; do printf '%s\\0' \"$a\"; done", "sh", line)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return List.of(out.split("\0"));
    }

    @Test
    void idsFromAFileOrStdinMoveExactlyTheListedIds() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> ids = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m" + (batch * 10 + i)).build());
            }
            queues.sqs().sendMessageBatch(r -> r.queueUrl(dlq.url()).entries(entries)).successful()
                    .forEach(s -> ids.add(s.messageId()));
        }
        Path file = state.resolve("ids.txt");
        Files.writeString(file, ids.get(3) + "\n\n  " + ids.get(17) + "  \n" + ids.get(29) + "\n");

        RunResult fromFile = redrive("start", dlq.name(), "--to", target.name(), "--ids-from", file.toString());

        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrder("m3", "m17", "m29");
        assertThat(queues.depth(dlq)).isEqualTo(27);

        Context piped = new Context(queues.env(state), Clock.systemUTC(), Ticker.system(), Sleeper.real(), false,
                new BufferedReader(new StringReader(ids.get(0) + "\n" + ids.get(1) + "\n")));
        RunResult fromStdin = Redrive.run(piped, "start", dlq.name(), "--to", target.name(), "--ids-from", "-",
                "--filter", "body:m1");

        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isZero();
        assertThat(queues.bodies(queues.drain(target))).as("the listed ids that the other filter also selects")
                .containsExactly("m1");
        assertThat(queues.depth(dlq)).isEqualTo(26);
    }

    @Test
    void inspectJsonPipedThroughIdsFromMovesTheSampledMessage() throws Exception {
        TriageDlq dlq = new TriageDlq(queues);
        Queue target = queues.create("target");
        RunResult inspected = redrive("inspect", dlq.dlq.name(), "-o", "json");
        List<String> sampled = new ArrayList<>();
        for (JsonNode n : InspectCommandTest.jsonLines(inspected)) {
            if (n.get("type").asText().equals("group")) {
                sampled.add(n.at("/sample/messageId").asText());
            }
        }
        Context piped = new Context(queues.env(state), Clock.systemUTC(), Ticker.system(), Sleeper.real(), false,
                new BufferedReader(new StringReader(String.join("\n", sampled))));

        RunResult moved = Redrive.run(piped, "start", dlq.dlq.name(), "--to", target.name(), "--ids-from", "-");

        assertThat(moved.exitCode()).as(moved.toString()).isZero();
        assertThat(queues.drain(target)).hasSize(dlq.census.size());
        assertThat(queues.depth(dlq.dlq)).isEqualTo(dlq.total() - dlq.census.size());
    }
}
