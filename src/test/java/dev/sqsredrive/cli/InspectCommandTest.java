package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * `redrive inspect` end to end against ElasticMQ, through the real CommandLine: groups against the census of
 * what the DLQ's producers put in, every message visible again afterwards, nothing lost.
 */
@Timeout(180)
class InspectCommandTest extends ElasticMqCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> jsonLines(RunResult r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.outLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    static List<String> filtersOf(JsonNode group) {
        List<String> f = new ArrayList<>();
        group.get("filters").forEach(n -> f.add(n.asText()));
        return f;
    }

    private long visible(Queue q) {
        return Long.parseLong(queues.sqs().getQueueAttributes(r -> r.queueUrl(q.url())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void groupsByWhatLambdaAndEventBridgeRecordedElseByOriginAndEveryMessageIsVisibleAgain() throws Exception {
        TriageDlq dlq = new TriageDlq(queues);

        RunResult r = redrive("inspect", dlq.dlq.name(), "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as("nothing on stderr off a terminal").isEmpty();
        List<JsonNode> lines = jsonLines(r);
        Map<List<String>, Long> found = new HashMap<>();
        lines.stream().filter(n -> n.get("type").asText().equals("group"))
                .forEach(g -> found.put(filtersOf(g), g.get("count").asLong()));
        Map<List<String>, Long> expected = new HashMap<>();
        dlq.census.forEach((filters, bodies) -> expected.put(filters, (long) bodies.size()));
        assertThat(found).isEqualTo(expected);
        JsonNode summary = lines.getLast();
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        assertThat(summary.get("seen").asLong()).isEqualTo(dlq.total());
        assertThat(summary.get("approximateDepth").asLong()).isEqualTo(dlq.total());
        assertThat(summary.get("notSeen").asLong()).isZero();
        assertThat(summary.get("fifo").asBoolean()).isFalse();
        JsonNode timeouts = lines.stream().filter(n -> filtersOf(n).contains("attr:ErrorMessage=" + TriageDlq.TIMEOUT))
                .findFirst().orElseThrow();
        assertThat(timeouts.at("/sample/shape").asText()).isEqualTo("json-object");
        assertThat(timeouts.at("/sample/keys").toString()).isEqualTo("[\"customer\",\"lines\",\"orderId\"]");
        assertThat(timeouts.at("/sample/body").isMissingNode()).as("no body unless --show-bodies").isTrue();
        assertThat(timeouts.at("/receiveCount/min").asLong()).isEqualTo(1);
        // released at once, not when a visibility timeout runs out: all visible now
        assertThat(visible(dlq.dlq)).isEqualTo(dlq.total());
        List<Message> after = queues.drain(dlq.dlq);
        assertThat(queues.bodies(after)).containsExactlyInAnyOrderElementsOf(dlq.allBodies());
    }

    @Test
    void textShowsEachGroupWithItsFilterAndTheScanAgainstTheDepth() {
        TriageDlq dlq = new TriageDlq(queues);

        RunResult r = redrive("inspect", dlq.dlq.name(), "--group-by", "attr:ErrorMessage", "--groups", "2");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("#1  12 message(s)").contains("attr:ErrorMessage: (none)")
                .contains("filter    --filter '!attr:ErrorMessage'")
                .contains("#2  5 message(s)").contains("--filter 'attr:ErrorMessage=" + TriageDlq.TIMEOUT + "'")
                .contains("other  3 message(s)")
                .contains("seen " + dlq.total() + " of about " + dlq.total())
                .contains("nothing was deleted or sent");
        assertThat(visible(dlq.dlq)).isEqualTo(dlq.total());
    }

    @Test
    void onATerminalOneProgressLineIsRewrittenOnStderrAndClearedBeforeTheResults() {
        Queue q = queues.create("dlq");
        queues.send(q, 25, "m");
        Context terminal = new Context(queues.env(state), java.time.Clock.systemUTC(), dev.sqsredrive.time.
                Ticker.system(),
                dev.sqsredrive.time.Sleeper.real(), true, new java.io.BufferedReader(new java.io.StringReader("")));

        RunResult r = dev.sqsredrive.testing.Redrive.run(terminal, "inspect", q.name());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("\r\u001b[2Kinspect: 25/25 seen").endsWith("\r\u001b[2K");
        assertThat(r.out()).doesNotContain("inspect: ").contains("seen 25 of about 25");
    }

    @Test
    void maxStopsTheScanAndReleasesWhatItHeld() throws Exception {
        Queue q = queues.create("dlq");
        List<String> bodies = queues.send(q, 40, "m");

        RunResult r = redrive("inspect", q.name(), "--max", "15", "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode summary = jsonLines(r).getLast();
        assertThat(summary.get("seen").asLong()).isEqualTo(15);
        assertThat(summary.get("max").asLong()).isEqualTo(15);
        assertThat(visible(q)).isEqualTo(40);
        assertThat(queues.bodies(queues.drain(q))).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void aFifoDlqSaysOnlyTheFirstOfEachGroupAreSeenAndLosesNothing() throws Exception {
        Queue fifo = queues.create("dlq", true, Map.of());
        List<String> bodies = queues.send(fifo, 30, "f"); // three groups

        RunResult r = redrive("inspect", fifo.name(), "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode summary = jsonLines(r).getLast();
        assertThat(summary.get("fifo").asBoolean()).isTrue();
        assertThat(summary.get("fifoNote").asText()).contains("only the first messages of each group");
        assertThat(summary.get("seen").asLong() + summary.get("notSeen").asLong()).isEqualTo(30);
        assertThat(queues.bodies(queues.drain(fifo))).containsExactlyInAnyOrderElementsOf(bodies);
        RunResult text = redrive("inspect", fifo.name());
        assertThat(text.out()).contains("FIFO queue: while the scan holds a group's first messages");
    }

    @Test
    void aDlqWithARedrivePolicyOfItsOwnIsRefusedBeforeAnyReceiveUnlessAllowed() {
        Queue last = queues.create("last-dlq");
        Queue dlq = queues.createSourceOf("dlq", last, false); // maxReceiveCount 1: one scan would move them all
        queues.send(dlq, 3, "m");

        RunResult refused = redrive("inspect", dlq.name());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.errLines().get(0)).contains("has a RedrivePolicy of its own")
                .contains("its maxReceiveCount (1) moves to " + last.name()).contains("--allow-receive-count");
        List<Message> untouched = queues.sqs().receiveMessage(x -> x.queueUrl(dlq.url()).maxNumberOfMessages(10)
                .visibilityTimeout(0).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        assertThat(untouched).hasSize(3).allSatisfy(m -> assertThat(m.attributes()
                .get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).as("never received before").isEqualTo("1"));
        RunResult allowed = redrive("inspect", dlq.name(), "--allow-receive-count");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    }
}
