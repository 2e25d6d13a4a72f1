package dev.sqsredrive.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native move-task commands end to end: through the real CommandLine, against a real SQS-compatible
 * server, with messages really dead-lettered through a RedrivePolicy and counted where they land. One
 * subclass per server; where a server differs from AWS the test branches on a named {@link
 * dev.sqsredrive.testing.ServerTraits} flag.
 */
abstract class MoveTaskScenarios extends BackendScenario {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Polls fast so that a watch ends soon after its task does. */
    static final String FAST = "--interval=100ms";

    /** A DLQ fed by one source queue, holding {@code count} really dead-lettered messages. */
    record Wired(Queue dlq, Queue source, List<String> bodies) {
    }

    Wired deadLettered(int count) {
        Queue dlq = queues.create("dlq");
        Queue source = queues.createSourceOf("src", dlq, false);
        List<String> bodies = queues.deadLetter(source, dlq, count, "msg");
        return new Wired(dlq, source, bodies);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Each line of stdout, which must be one JSON object (NDJSON: what every -o json prints). */
    static List<JsonNode> jsonLines(RunResult run) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            JsonNode node = json(line);
            assertThat(node.isObject()).as("one JSON object per line: " + run).isTrue();
            lines.add(node);
        }
        return lines;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // --- start, watch: COMPLETED -------------------------------------------------------------------------

    @Test
    void startToADestinationPrintsTheStartJsonAndWatchExitsZeroOnceEveryMessageMoved() {
        Wired w = deadLettered(3);
        Queue dest = queues.create("dest");

        RunResult start = redrive("start", w.dlq().arn(), "--to", dest.name(), "--rate", "10", "-o", "json")
                .assertExitCode(0);
        JsonNode started = json(start.out());
        assertThat(fieldNames(started)).as(start.toString())
                .containsExactly("destination", "rate", "source", "taskHandle");
        assertThat(started.get("source").asText()).isEqualTo(w.dlq().arn());
        assertThat(started.get("destination").asText()).isEqualTo(dest.arn());
        assertThat(started.get("rate").asInt()).isEqualTo(10);
        String handle = started.get("taskHandle").asText();
        assertThat(handle).isNotBlank();

        RunResult watch = redrive("watch", handle, FAST).assertExitCode(0);
        assertThat(watch.outLines()).as(watch.toString()).last().asString().contains("COMPLETED");

        assertThat(queues.bodies(queues.drain(dest))).containsExactlyInAnyOrderElementsOf(w.bodies());
        assertThat(queues.depth(w.dlq())).isZero();
    }

    @Test
    void startWithoutDestinationPrintsOnlyTheHandleAndSendsMessagesBackToTheirSource() {
        Wired w = deadLettered(3);

        RunResult start = redrive("start", w.dlq().name()).assertExitCode(0);
        assertThat(start.outLines()).as(start.toString()).hasSize(1);
        String handle = start.outLines().get(0).strip();
        assertThat(start.err()).contains("each message's origin");

        redrive("watch", handle, FAST).assertExitCode(0);
        assertThat(queues.bodies(queues.drain(w.source()))).containsExactlyInAnyOrderElementsOf(w.bodies());
        assertThat(queues.depth(w.dlq())).isZero();
    }

    @Test
    void startWithoutDestinationRoutesTwoSourcesAsTheServerDoes() {
        Queue dlq = queues.create("dlq");
        Queue first = queues.createSourceOf("first", dlq, false);
        Queue second = queues.createSourceOf("second", dlq, false);
        List<String> fromFirst = queues.deadLetter(first, dlq, 2, "first");
        List<String> all = new ArrayList<>(fromFirst);
        queues.send(second, 2, "second");
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (queues.depth(dlq) < 4) {
            queues.sqs().receiveMessage(r -> r.queueUrl(second.url()).maxNumberOfMessages(10).visibilityTimeout(0));
            deadline.check(() -> "dead-lettering the second source's messages");
        }
        all.addAll(List.of("second-0", "second-1"));

        redrive("start", dlq.url(), "--watch", FAST).assertExitCode(0);

        List<String> inFirst = queues.bodies(queues.drain(first));
        List<String> inSecond = queues.bodies(queues.drain(second));
        if (server.traits().routesEachMessageToItsOrigin()) {
            assertThat(inFirst).containsExactlyInAnyOrder("first-0", "first-1");
            assertThat(inSecond).containsExactlyInAnyOrder("second-0", "second-1");
        } else {
            // ElasticMQ: every message goes to one queue that names the DLQ in its RedrivePolicy, whichever
            // it finds first (not necessarily the first created), ignoring DeadLetterQueueSourceArn.
            List<String> together = inFirst.isEmpty() ? inSecond : inFirst;
            assertThat(together).as("first: " + inFirst + ", second: " + inSecond)
                    .containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void startWatchFollowsTheTaskAndPrintsOneJsonObjectPerLine() {
        Wired w = deadLettered(2);
        Queue dest = queues.create("dest");

        RunResult run = redrive("start", w.dlq().name(), "--to", dest.url(), "--watch", FAST, "-o", "json")
                .assertExitCode(0);
        List<JsonNode> lines = run.outLines().stream().map(MoveTaskScenarios::json).toList();
        assertThat(fieldNames(lines.get(0))).as(run.toString())
                .containsExactly("destination", "rate", "source", "taskHandle");
        assertThat(lines.get(0).get("rate").isNull()).isTrue();
        assertThat(lines.getLast().get("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(queues.bodies(queues.drain(dest))).containsExactlyInAnyOrderElementsOf(w.bodies());
    }

    @Test
    void watchGivenTheDlqFollowsItsMostRecentTask() {
        Wired w = deadLettered(2);
        redrive("start", w.dlq().arn()).assertExitCode(0);

        RunResult watch = redrive("watch", w.dlq().url(), FAST).assertExitCode(0);
        assertThat(watch.out()).contains("COMPLETED");
        assertThat(queues.bodies(queues.drain(w.source()))).containsExactlyInAnyOrderElementsOf(w.bodies());
    }

    @Test
    void aFifoDlqMovesToAFifoDestinationAsTheServerAllows() {
        Queue dlq = queues.create("dlq", true, Map.of());
        Queue source = queues.createSourceOf("src", dlq, true);
        Queue dest = queues.create("dest", true, Map.of());
        List<String> bodies = queues.deadLetter(source, dlq, 3, "fifo");

        if (!server.traits().movesFifoMessages()) {
            // ElasticMQ: a native FIFO move task completes at once having moved nothing. So --mode native
            // refuses a FIFO DLQ on any endpoint but AWS's, and auto mode moves it client-side.
            assertUsageError(redrive("start", dlq.name(), "--to", dest.arn(), "--mode", "native", "--watch", FAST),
                    "--mode native cannot do this", "move nothing");
            assertThat(queues.depth(dest)).isZero();
            assertThat(queues.depth(dlq)).isEqualTo(3);
        }

        RunResult run = redrive("start", dlq.name(), "--to", dest.arn(), "--watch", FAST).assertExitCode(0);
        assertThat(run.outLines()).as(run.toString()).last().asString().contains("COMPLETED");
        if (!server.traits().movesFifoMessages()) {
            assertThat(run.err()).as(run.toString()).contains("moving client-side");
        }
        assertThat(queues.bodies(queues.drain(dest))).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(queues.depth(dlq)).isZero();
    }

    // --- list ----------------------------------------------------------------------------------------------

    @Test
    void listShowsTheTasksOfADlqWithTheApiFieldNamesInCamelCase() {
        Wired w = deadLettered(2);
        Queue dest = queues.create("dest");
        redrive("start", w.dlq().name(), "--to", dest.name(), "--rate", "5", "--watch", FAST).assertExitCode(0);

        RunResult list = redrive("list", w.dlq().name(), "-o", "json").assertExitCode(0);
        List<JsonNode> tasks = jsonLines(list);
        assertThat(tasks).as(list.toString()).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(fieldNames(task)).containsExactlyInAnyOrder("taskHandle", "kind", "status", "sourceArn",
                "destinationArn", "maxNumberOfMessagesPerSecond", "approximateNumberOfMessagesMoved",
                "approximateNumberOfMessagesToMove", "failureReason", "startedTimestamp",
                "returned"); // ours: what came back of a client-side run (0 for native: SQS does not count it)
        assertThat(task.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(task.get("sourceArn").asText()).isEqualTo(w.dlq().arn());
        assertThat(task.get("destinationArn").asText()).isEqualTo(dest.arn());
        assertThat(task.get("maxNumberOfMessagesPerSecond").asInt()).isEqualTo(5);
        assertThat(task.get("kind").asText()).isEqualTo("native");

        RunResult text = redrive("list", w.dlq().arn()).assertExitCode(0);
        assertThat(text.outLines().get(0)).startsWith("SOURCE").contains("STATUS", "MOVED", "HANDLE");
        assertThat(text.outLines()).hasSize(2);
        assertThat(text.outLines().get(1)).contains(w.dlq().name(), "COMPLETED", dest.name());
    }

    @Test
    void listMaxLimitsTheTasksShownEvenWhereTheServerIgnoresMaxResults() {
        Wired w = deadLettered(1);
        redrive("start", w.dlq().name(), "--watch", FAST).assertExitCode(0);
        queues.deadLetter(w.source(), w.dlq(), 1, "again");
        redrive("start", w.dlq().name(), "--watch", FAST).assertExitCode(0);

        assertThat(jsonLines(redrive("list", w.dlq().name(), "-o", "json").assertExitCode(0))).hasSize(2);
        assertThat(jsonLines(redrive("list", w.dlq().name(), "--max", "1", "-o", "json").assertExitCode(0)))
                .hasSize(1);
    }

    @Test
    void listMaxBoundsNativeAndClientSideTasksTogetherNewestFirst() {
        Wired w = deadLettered(1);
        redrive("start", w.dlq().name(), "--watch", FAST).assertExitCode(0);
        queues.deadLetter(w.source(), w.dlq(), 1, "again");
        redrive("start", w.dlq().name(), "--watch", FAST).assertExitCode(0);
        queues.deadLetter(w.source(), w.dlq(), 1, "client");
        redrive("start", w.dlq().name(), "--mode", "client").assertExitCode(0);

        List<JsonNode> all = jsonLines(redrive("list", w.dlq().name(), "-o", "json").assertExitCode(0));
        assertThat(all).extracting(t -> t.get("kind").asText()).containsExactly("client", "native", "native");
        assertThat(all).extracting(t -> t.get("startedTimestamp").asLong())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        RunResult two = redrive("list", w.dlq().name(), "--max", "2", "-o", "json").assertExitCode(0);
        assertThat(jsonLines(two)).as(two.toString()).extracting(t -> t.get("taskHandle").asText())
                .containsExactly(all.get(0).get("taskHandle").asText(), all.get(1).get("taskHandle").asText());
        RunResult text = redrive("list", w.dlq().name(), "--max", "2").assertExitCode(0);
        assertThat(text.outLines()).as(text.toString()).hasSize(3); // the header and two rows
        assertThat(text.outLines().get(1)).contains("client");
    }

    @Test
    void listWithoutSourceShowsEveryDlqOfTheRegionWithItsDepthSourcesAndLatestTask() {
        Wired w = deadLettered(1);
        Queue idle = queues.create("idle-dlq");
        Queue idleSource = queues.createSourceOf("idle-src", idle, false);
        queues.send(idle, 2, "waiting");
        redrive("start", w.dlq().name(), "--watch", FAST).assertExitCode(0);

        RunResult list = redrive("list", "-o", "json").assertExitCode(0);
        Map<String, JsonNode> byArn = new java.util.HashMap<>();
        jsonLines(list).forEach(d -> byArn.put(d.get("queueArn").asText(), d));
        assertThat(byArn).as(list.toString()).containsKeys(w.dlq().arn(), idle.arn())
                .doesNotContainKeys(w.source().arn(), idleSource.arn());
        JsonNode idleRow = byArn.get(idle.arn());
        assertThat(idleRow.get("approximateNumberOfMessages").asLong()).isEqualTo(2);
        assertThat(idleRow.get("approximateNumberOfMessagesNotVisible").asLong()).isZero();
        assertThat(idleRow.get("sourceArns")).extracting(JsonNode::asText).containsExactly(idleSource.arn());
        assertThat(idleRow.get("latestTask").isNull()).isTrue();
        assertThat(byArn.get(w.dlq().arn()).get("latestTask").get("status").asText()).isEqualTo("COMPLETED");

        RunResult text = redrive("list").assertExitCode(0);
        assertThat(text.out()).contains(w.dlq().name(), idle.name());
    }

    @Test
    void everyJsonOutputIsOneCompactObjectPerLine() {
        Wired w = deadLettered(2);
        Queue dest = queues.create("dest");
        List<RunResult> runs = new ArrayList<>();

        RunResult start = redrive("start", w.dlq().name(), "--to", dest.name(), "-o", "json").assertExitCode(0);
        runs.add(start);
        String handle = jsonLines(start).get(0).get("taskHandle").asText();
        runs.add(redrive("watch", handle, FAST, "-o", "json").assertExitCode(0));
        runs.add(redrive("list", w.dlq().name(), "-o", "json").assertExitCode(0));
        runs.add(redrive("list", "-o", "json").assertExitCode(0));
        queues.deadLetter(w.source(), w.dlq(), 2, "client");
        runs.add(redrive("start", w.dlq().name(), "--dry-run", "-o", "json").assertExitCode(0));
        runs.add(redrive("start", w.dlq().name(), "--to", dest.name(), "--mode", "client", "-o", "json")
                .assertExitCode(0));
        queues.deadLetter(w.source(), w.dlq(), 20, "slow");
        runs.add(redrive("cancel", startSlowTask(w, dest), "-o", "json").assertExitCode(0));

        for (RunResult run : runs) {
            assertThat(run.outLines()).as(run.toString()).isNotEmpty();
            assertThat(jsonLines(run)).as(run.toString()).hasSameSizeAs(run.out().lines().toList());
        }
    }

    // --- cancel, watch: CANCELLED and timeout -----------------------------------------------------------

    /** Starts a task slow enough (1 message/s) to still be RUNNING while the test acts on it. */
    String startSlowTask(Wired w, Queue dest) {
        RunResult start = redrive("start", w.dlq().name(), "--to", dest.name(), "--rate", "1").assertExitCode(0);
        return start.outLines().get(0).strip();
    }

    @Test
    void cancelByHandleStopsTheTaskAndWatchExitsFiveAndNoMessageIsLost() {
        Wired w = deadLettered(20);
        Queue dest = queues.create("dest");
        String handle = startSlowTask(w, dest);

        RunResult timedOut = redrive("watch", handle, FAST, "--timeout", "300ms").assertExitCode(6);
        assertThat(timedOut.out()).contains("RUNNING");
        assertThat(timedOut.err()).contains("--timeout").contains("redrive cancel " + handle);

        RunResult second = redrive("start", w.dlq().name()).assertExitCode(3);
        String dlq = w.dlq().name();
        assertThat(second.errLines()).as("AWS says InvalidParameterValue, ElasticMQ UnsupportedOperation: one hint"
                + " for both; " + second).containsExactly("redrive: a move task is already running on '" + dlq
                + "': follow it with 'redrive watch " + dlq + "' or stop it with 'redrive cancel --source " + dlq + "'");

        RunResult cancel = redrive("cancel", handle).assertExitCode(0);
        assertThat(cancel.outLines()).as(cancel.toString()).hasSize(1);
        long moved = Long.parseLong(cancel.outLines().get(0).strip());
        assertThat(moved).isBetween(0L, 20L);

        RunResult watch = redrive("watch", handle, FAST).assertExitCode(5);
        assertThat(watch.out()).contains("CANCELLED");
        assertEveryMessageIsInOneOf(w, dest);
    }

    @Test
    void cancelBySourceCancelsItsRunningTaskAndThenFindsNoneToCancel() {
        Wired w = deadLettered(20);
        Queue dest = queues.create("dest");
        String handle = startSlowTask(w, dest);

        RunResult cancel = redrive("cancel", "--source", w.dlq().arn(), "-o", "json").assertExitCode(0);
        JsonNode c = json(cancel.out());
        assertThat(c.get("taskHandle").asText()).isEqualTo(handle);
        assertThat(c.get("approximateNumberOfMessagesMoved").isIntegralNumber()).isTrue();

        redrive("watch", handle, FAST).assertExitCode(5);
        RunResult again = redrive("cancel", "--source", w.dlq().name()).assertExitCode(2);
        assertThat(again.errLines()).as(again.toString()).hasSize(1);
        assertThat(again.err()).contains("no running move task", w.dlq().name());

        // ElasticMQ forgets a cancelled task (ListMessageMoveTasks no longer returns it): the record kept here
        // shows it all the same.
        RunResult list = redrive("list", w.dlq().name(), "-o", "json").assertExitCode(0);
        assertThat(jsonLines(list).get(0).get("status").asText()).as(list.toString()).isEqualTo("CANCELLED");
        assertEveryMessageIsInOneOf(w, dest);
    }

    @Test
    void aCancelledTaskKeepsWhatWasLearntAndASecondCancelSaysItIsAlreadyCancelled() {
        Wired w = deadLettered(20);
        Queue dest = queues.create("dest");
        String handle = startSlowTask(w, dest);

        RunResult cancel = redrive("cancel", handle, "-o", "json").assertExitCode(0);
        long moved = json(cancel.out()).get("approximateNumberOfMessagesMoved").asLong();

        RunResult watch = redrive("watch", handle, FAST).assertExitCode(5);
        String last = watch.outLines().getLast();
        assertThat(last).as(watch.toString()).contains("CANCELLED", "rate 1/s", dest.name());
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("CANCELLED {2}(\\d+)").matcher(last);
        assertThat(count.find()).as(last).isTrue();
        assertThat(Long.parseLong(count.group(1))).as(last).isGreaterThanOrEqualTo(moved);

        JsonNode listed = jsonLines(redrive("list", w.dlq().name(), "-o", "json").assertExitCode(0)).get(0);
        assertThat(listed.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(listed.get("maxNumberOfMessagesPerSecond").asInt()).isEqualTo(1);
        assertThat(listed.get("destinationArn").asText()).isEqualTo(dest.arn());
        assertThat(listed.get("approximateNumberOfMessagesMoved").asLong()).isGreaterThanOrEqualTo(moved);

        RunResult again = redrive("cancel", handle).assertExitCode(2);
        assertThat(again.errLines()).as(again.toString()).hasSize(1);
        assertThat(again.err()).contains(handle, "already cancelled");
        assertEveryMessageIsInOneOf(w, dest);
    }

    @Test
    void aTaskStartedOnAnotherMachineIsFoundByItsHandleAndCancelled(@TempDir Path otherMachine) {
        Wired w = deadLettered(20);
        Queue dest = queues.create("dest");
        String handle = startSlowTask(w, dest);
        Map<String, String> elsewhere = queues.env(otherMachine); // no record of the task there

        RunResult cancel = Redrive.run(elsewhere, "cancel", handle).assertExitCode(0);
        assertThat(cancel.err()).contains(handle);
        Redrive.run(elsewhere, "watch", handle, FAST).assertExitCode(5);

        RunResult unknown = Redrive.run(elsewhere, "cancel", "no-such-handle").assertExitCode(2);
        assertThat(unknown.errLines()).as(unknown.toString()).hasSize(1);
        assertThat(unknown.err()).contains("unknown task handle 'no-such-handle'");
        assertEveryMessageIsInOneOf(w, dest);
    }

    /** Cancelling does not undo: each message is either still in the DLQ or at the destination, never both. */
    void assertEveryMessageIsInOneOf(Wired w, Queue dest) {
        List<String> left = queues.bodies(queues.drain(w.dlq()));
        List<String> moved = queues.bodies(queues.drain(dest));
        List<String> all = new ArrayList<>(left);
        all.addAll(moved);
        assertThat(all).containsExactlyInAnyOrderElementsOf(w.bodies());
        assertThat(left).as("a cancel after at most a few seconds at 1 message/s leaves messages behind")
                .isNotEmpty();
    }

    // --- validation: exit 2 before any move ----------------------------------------------------------------

    RunResult assertUsageError(RunResult r, String... fragments) {
        r.assertExitCode(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("redrive: ").contains(fragments);
        assertThat(r.out()).isEmpty();
        return r;
    }

    @Test
    void aSourceThatIsNotADlqIsRefusedBeforeStartingAndNeverHangs() {
        Queue plain = queues.create("plain");
        Queue dest = queues.create("dest");
        queues.send(plain, 1, "stay");

        // ElasticMQ never answers StartMessageMoveTask for a non-DLQ source without a destination: the check
        // must come first, or this test would hang instead of failing.
        RunResult noDest = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> redrive("start", plain.name()));
        assertUsageError(noDest, "not a dead-letter queue", plain.name());
        assertUsageError(redrive("start", plain.name(), "--to", dest.name(), "--mode", "native"),
                "not a dead-letter queue");
        assertThat(queues.depth(plain)).isEqualTo(1);

        // With a destination, auto mode moves it client-side (no SQS source: a native task cannot), and says so.
        RunResult moved = redrive("start", plain.name(), "--to", dest.name()).assertExitCode(0);
        assertThat(moved.err()).as(moved.toString()).contains("moving client-side", "no queue dead-letters into");
        assertThat(queues.bodies(queues.drain(dest))).containsExactly("stay-0");
        assertThat(queues.depth(plain)).isZero();
    }

    @Test
    void standardAndFifoQueuesCannotBeMixed() {
        Wired w = deadLettered(1);
        Queue fifo = queues.create("dest", true, Map.of());

        assertUsageError(redrive("start", w.dlq().name(), "--to", fifo.name()), "standard", "FIFO");
        // Given as URL and ARN, the names still tell the types apart; the resolved attributes agree.
        assertUsageError(redrive("start", w.dlq().url(), "--to", fifo.arn()), "same type");
        assertThat(queues.depth(w.dlq())).isEqualTo(1);
    }

    @Test
    void sourceEqualToDestinationIsRefusedHoweverEachIsWritten() {
        Wired w = deadLettered(1);

        assertUsageError(redrive("start", w.dlq().name(), "--to", w.dlq().name()), "same queue");
        assertUsageError(redrive("start", w.dlq().name(), "--to", w.dlq().arn()), "same queue");
        assertUsageError(redrive("start", w.dlq().url(), "--to", w.dlq().arn()), "same queue");
        assertThat(queues.depth(w.dlq())).isEqualTo(1);
    }

    @Test
    void aQueueThatDoesNotExistIsOneLineNamingItAndExitThree() {
        String missing = queues.name("missing", false);
        for (String[] args : List.of(new String[] {"start", missing}, new String[] {"list", missing},
                new String[] {"watch", "arn:aws:sqs:" + server.region() + ":" + server.account() + ":" + missing},
                new String[] {"watch", missing},
                new String[] {"cancel", "--source", missing})) {
            RunResult r = redrive(args).assertExitCode(3);
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).startsWith("redrive: ").contains(missing).contains("does not exist");
        }
    }
}
