package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** What a DLQ → file → queue round trip keeps: FIFO groups and their order, large messages, gzip. */
@Timeout(180)
class FileRoundTripTest extends ElasticMqCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFifoDlqRoundTripKeepsEachGroupInOrderWithItsGroupId() throws IOException {
        Queue dlq = queues.create("dlq", true, Map.of());
        Queue target = queues.create("target", true, Map.of());
        List<String> bodies = queues.send(dlq, 45, "f"); // groups g0, g1, g2
        Path file = dir.resolve("fifo.ndjson");

        RunResult export = redrive("start", dlq.name(), "--to", "file:" + file, "--concurrency", "3");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        Map<String, String> idByBody = new HashMap<>();
        Map<String, List<Integer>> fileOrder = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            idByBody.put(n.path("body").asText(), n.path("messageId").asText());
            fileOrder.computeIfAbsent(n.path("system").path("MessageGroupId").asText(), g -> new ArrayList<>())
                    .add(Integer.parseInt(n.path("body").asText().substring(2)));
        }
        assertThat(fileOrder.keySet()).containsExactlyInAnyOrder("g0", "g1", "g2");
        fileOrder.values().forEach(order -> assertThat(order).as("the file keeps each group's order").isSorted());

        RunResult imported = redrive("start", "file:" + file, "--to", target.name());

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.err()).contains("imported by one worker");
        List<Message> arrived = queues.drain(target);
        assertThat(queues.bodies(arrived)).containsExactlyInAnyOrderElementsOf(bodies);
        Map<String, List<Integer>> order = new HashMap<>();
        for (Message m : arrived) {
            int n = Integer.parseInt(m.body().substring(2));
            String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            assertThat(group).isEqualTo("g" + (n % 3));
            // one dedup id per message, stable across resends: derived from the DLQ's MessageId in the file
            assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                    .isEqualTo(idByBody.get(m.body()));
            order.computeIfAbsent(group, g -> new ArrayList<>()).add(n);
        }
        order.values().forEach(o -> assertThat(o).as("each group arrives in order").isSorted());
    }

    /**
     * Bodies JSON must escape (tab, newline, quote, backslash, a character outside the BMP) come back exactly;
     * a hand-made line may give its body as base64 ("bodyEncoding":"base64"), and the import sends the text.
     * A lone surrogate cannot take part here: ElasticMQ refuses it on the send, as AWS does
     * (InvalidMessageContents), so only the codec's own test (MessageLinesTest) covers that encoding.
     */
    @Test
    void bodiesThatJsonMustEscapeAndBase64BodiesComeBackExactly() throws IOException {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = List.of("tab\tnew line\nquote\" backslash\\ emoji \uD83D\uDE00", "{\"json\":[1,2,3]}");
        bodies.forEach(b -> queues.sqs().sendMessage(r -> r.queueUrl(dlq.url()).messageBody(b)));
        Path file = dir.resolve("odd.ndjson");
        assertThat(redrive("start", dlq.name(), "--to", "file:" + file).exitCode()).isZero();
        String base64 = java.util.Base64.getEncoder().encodeToString("héllo ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(file, "{\"v\":1,\"messageId\":\"hand-made-1\",\"body\":\"" + base64
                + "\",\"bodyEncoding\":\"base64\"}\n", java.nio.file.StandardOpenOption.APPEND);

        RunResult imported = redrive("start", "file:" + file, "--to", target.name());

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        List<String> expected = new ArrayList<>(bodies);
        expected.add("héllo ✓");
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * A FIFO DLQ hands out no more of a group while its first messages are hidden, and --copy keeps what it
     * copied hidden: such a copy gets one receive of each group. Found by the fault matrix's file cases; the
     * run is INCOMPLETE (nothing lost) and now says why, and what to do instead.
     */
    @Test
    void aCopyOfAFifoDlqSaysWhyItCouldNotCopyEveryMessage() throws IOException {
        Queue dlq = queues.create("dlq", true, Map.of());
        queues.send(dlq, 50, "f");
        Path file = dir.resolve("copy.ndjson");

        RunResult r = redrive("start", dlq.name(), "--to", "file:" + file, "--copy", "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(r.err()).contains("not copied: a FIFO queue hands out no more of a group while its first"
                + " messages are held");
        assertThat(Files.readAllLines(file).size() + queues.depth(dlq) - Files.readAllLines(file).size())
                .as("the DLQ keeps every message").isEqualTo(50);
    }

    @Test
    void largeMessagesSurviveAGzipRoundTrip() throws IOException {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = i + "é".repeat(125_000); // 250,001 bytes in UTF-8: near SQS's old 256 KiB bound
            bodies.add(body);
            queues.sqs().sendMessage(r -> r.queueUrl(dlq.url()).messageBody(body));
        }
        Path file = dir.resolve("large.ndjson.gz");

        assertThat(redrive("start", dlq.name(), "--to", "file:" + file).exitCode()).isZero();
        assertThat(Files.size(file)).as("compressed").isLessThan(100_000);
        RunResult imported = redrive("start", "file:" + file, "--to", target.name());

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(queues.bodies(queues.drain(target))).containsExactlyInAnyOrderElementsOf(bodies);
    }
}
