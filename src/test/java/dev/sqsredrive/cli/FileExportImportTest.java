package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqsredrive.testing.EveryAttributeType;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/** A DLQ exported to a file, imported back, archived: what the operator checks afterwards. */
@Timeout(180)
class FileExportImportTest extends ElasticMqCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";

    @TempDir
    Path dir;

    @Test
    void aDlqExportedToAFileAndImportedIntoANewQueueArrivesWhole() throws IOException {
        Queue dlq = queues.create("dlq");
        Queue fresh = queues.create("fresh");
        Map<String, MessageAttributeValue> attributes = EveryAttributeType.map();
        for (int i = 0; i < 25; i++) {
            int n = i;
            queues.sqs().sendMessage(r -> r.queueUrl(dlq.url()).messageBody("body-" + n + " é ✓")
                    .messageAttributes(attributes).messageSystemAttributes(trace()));
        }
        Path file = dir.resolve("dlq.ndjson");

        RunResult export = redrive("start", dlq.name(), "--to", "file:" + file, "-o", "json");

        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(queues.depth(dlq)).as("exported messages are deleted from the DLQ").isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(25);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("v").asInt()).isEqualTo(1);
        assertThat(first.path("queue").asText()).isEqualTo(dlq.arn());
        JsonNode summary = JSON.readTree(export.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.path("files").get(0).path("lines").asLong()).isEqualTo(25);
        assertThat(summary.path("files").get(0).path("path").asText()).isEqualTo(file.toString());

        RunResult imported = redrive("start", "file:" + file, "--to", fresh.name(), "-o", "json");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(MoverSummary.of(imported).moved()).isEqualTo(25);
        List<Message> arrived = queues.drain(fresh);
        assertThat(arrived).hasSize(25);
        assertThat(queues.bodies(arrived)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 25).mapToObj(i -> "body-" + i + " é ✓").toList());
        arrived.forEach(m -> {
            assertThat(m.messageAttributes()).isEqualTo(attributes);
            assertThat(m.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER)).isEqualTo(TRACE);
        });
        assertThat(Files.readAllLines(file)).as("an import leaves its file as it was").isEqualTo(lines);
    }

    @Test
    void anExistingFileIsRefusedUnlessAppendedToOrReplaced() throws IOException {
        Queue dlq = queues.create("dlq");
        queues.send(dlq, 5, "m");
        Path file = dir.resolve("out.ndjson");
        Files.writeString(file, "keep me\n");

        RunResult refused = redrive("start", dlq.name(), "--to", "file:" + file);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).contains(file + " exists; add --append to add to it, or --force to replace it");
        assertThat(queues.depth(dlq)).isEqualTo(5);
        assertThat(Files.readString(file)).isEqualTo("keep me\n");

        RunResult appended = redrive("start", dlq.name(), "--to", "file:" + file, "--append", "--copy");
        assertThat(appended.exitCode()).as(appended.toString()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(6).first().isEqualTo("keep me");

        RunResult replaced = redrive("start", dlq.name(), "--to", "file:" + file, "--force");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(5).allMatch(l -> l.startsWith("{\"v\":1"));
        assertThat(queues.depth(dlq)).isZero();
    }

    @Test
    void anExportToStdoutWritesTheLinesThereAndDeletesNothing() throws IOException {
        Queue dlq = queues.create("dlq");
        queues.send(dlq, 12, "m");

        RunResult r = redrive("start", dlq.name(), "--to", "file:-", "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).as("stdout holds the messages only; " + r).hasSize(12);
        for (String l : lines) {
            assertThat(JSON.readTree(l).path("v").asInt()).isEqualTo(1);
        }
        assertThat(r.err()).contains("nothing is deleted from the DLQ").contains("\"moved\":12");
        assertThat(queues.depth(dlq)).isEqualTo(12);
    }

    @Test
    void anArchiveHoldsExactlyWhatMoved() throws IOException {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = queues.send(dlq, 40, "a");
        Path archive = dir.resolve("moved.ndjson.gz");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client", "--limit", "30",
                "--archive", archive.toString(), "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> moved = queues.bodies(queues.drain(target));
        assertThat(moved).hasSize(30);
        List<String> archived = new java.util.ArrayList<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(archive)), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                archived.add(JSON.readTree(l).path("body").asText());
            }
        }
        assertThat(archived).containsExactlyInAnyOrderElementsOf(moved);
        assertThat(queues.depth(dlq)).isEqualTo(10);
        JsonNode summary = JSON.readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.path("files").get(0).path("role").asText()).isEqualTo("archive");
        assertThat(summary.path("files").get(0).path("lines").asLong()).isEqualTo(30);
        assertThat(bodies).containsAll(moved);
    }

    @Test
    void linesThatAreNoMessageStayInTheFileAndTheImportSaysSo() throws IOException {
        Queue target = queues.create("target");
        Queue dlq = queues.create("dlq");
        queues.send(dlq, 3, "ok");
        Path file = dir.resolve("edited.ndjson");
        assertThat(redrive("start", dlq.name(), "--to", "file:" + file, "--copy").exitCode()).isZero();
        Files.writeString(file, "{not json}\n", java.nio.file.StandardOpenOption.APPEND);

        RunResult r = redrive("start", "file:" + file, "--to", target.name(), "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED.code());
        assertThat(r.err()).contains(file + " line 4: ");
        assertThat(MoverSummary.of(r).moved()).isEqualTo(3);
        assertThat(MoverSummary.of(r).failed()).isEqualTo(1);
        assertThat(queues.drain(target)).hasSize(3);
    }

    private static Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> trace() {
        return Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("String").stringValue(TRACE).build());
    }
}
