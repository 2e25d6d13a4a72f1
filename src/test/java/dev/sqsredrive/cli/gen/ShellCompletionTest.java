package dev.sqsredrive.cli.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Processes;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed completion scripts in real shells: bash completion simulated as bash itself would call it
 * (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, then the completion function, then COMPREPLY), and fish
 * through its own `complete -C`. Queue names come from the embedded ElasticMQ, through a `redrive` on the
 * PATH that runs this build in a new JVM, as an installed one would.
 */
class ShellCompletionTest {

    private static final Path BASH_SCRIPT = Path.of("completions", "redrive.bash").toAbsolutePath();
    private static final Path FISH_SCRIPT = Path.of("completions", "redrive.fish").toAbsolutePath();

    @TempDir
    static Path bin;

    private static TestQueues queues;
    private static TestQueues.Queue dlq;
    private static TestQueues.Queue orders;
    private static Map<String, String> env;

    @BeforeAll
    static void queues() throws IOException {
        queues = TestQueues.elasticMq();
        dlq = queues.create("orders-dlq");
        orders = queues.createSourceOf("orders", dlq, false);
        queues.create("payments");
        Processes.redriveScript(bin);
        env = new HashMap<>(queues.env(bin));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
    }

    @AfterAll
    static void close() {
        queues.close();
    }

    @Test
    void commandsAndOptionsComeFromTheModel() {
        assertThat(bash("redrive", "")).contains("start", "list", "cancel", "watch", "completion")
                .doesNotContain("__complete");
        assertThat(bash("redrive", "st")).containsExactly("start");
        assertThat(bash("redrive", "start", "--ra")).containsExactly("--rate");
        assertThat(bash("redrive", "list", "-o", "")).containsExactlyInAnyOrder("text", "json");
        assertThat(bash("redrive", "completion", "")).containsExactlyInAnyOrder("bash", "zsh", "fish");
    }

    @Test
    void queueArgumentsCompleteWithTheQueuesOfTheServer() {
        String prefix = orders.name().substring(0, orders.name().length() - 2);

        assertThat(bash("redrive", "start", prefix)).containsExactlyInAnyOrder(orders.name(), dlq.name());
        assertThat(bash("redrive", "start", dlq.name(), "--to", prefix)).containsExactlyInAnyOrder(orders.name(), dlq.name());
        assertThat(bash("redrive", "watch", dlq.name().substring(0, dlq.name().length() - 1)))
                .containsExactly(dlq.name());
        // A second positional is not a queue: nothing is offered.
        assertThat(bash("redrive", "start", dlq.name(), prefix)).isEmpty();
    }

    @Test
    void endpointTypedOnTheLineIsWhereQueueNamesComeFrom() {
        Map<String, String> noEndpoint = new HashMap<>(env);
        noEndpoint.remove("AWS_ENDPOINT_URL");
        String prefix = dlq.name().substring(0, dlq.name().length() - 3);

        assertThat(run(noEndpoint, "redrive", "--endpoint-url", queues.endpoint().toString(), "list", prefix))
                .containsExactly(dlq.name());
        assertThat(run(noEndpoint, "redrive", "list", "--endpoint-url=" + queues.endpoint(), prefix))
                .containsExactly(dlq.name());
    }

    @Test
    void unreachableServerCompletesNothingAndPrintsNothing() {
        Map<String, String> broken = new HashMap<>(env);
        broken.put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        RunResult run = bashRun(broken, "redrive", "start", "ord");

        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err()).as(run.toString()).doesNotContain("redrive:").doesNotContain("Exception");
    }

    @Test
    void fishCompletesCommandsOptionsAndQueues() {
        assumeTrue(Processes.onPath("fish"), "fish is not installed");
        String prefix = orders.name().substring(0, orders.name().length() - 2);

        assertThat(fish("redrive st")).containsExactly("start");
        assertThat(fish("redrive list --output ")).containsExactlyInAnyOrder("text", "json");
        assertThat(fish("redrive start " + prefix)).containsExactlyInAnyOrder(orders.name(), dlq.name());
        assertThat(fish("redrive start " + dlq.name() + " --to " + prefix)).contains(orders.name());
    }

    @Test
    void zshLoadsTheScriptThroughBashcompinit() {
        assumeTrue(Processes.onPath("zsh"), "zsh is not installed");
        RunResult run = Processes.run(bin, env, List.of("zsh", "-f", "-c",
                "autoload -U compinit && compinit -u && source " + Path.of("completions", "redrive.zsh").toAbsolutePath()
                        + " && complete -p redrive"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("_complete_redrive");
    }

    private static List<String> bash(String... words) {
        return run(env, words);
    }

    private static List<String> run(Map<String, String> environment, String... words) {
        RunResult run = bashRun(environment, words);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return lines(run.out());
    }

    /** words: the command line, the last one being the word under the cursor ("" right after a blank). */
    private static RunResult bashRun(Map<String, String> environment, String... words) {
        String simulate = "source '" + BASH_SCRIPT + "'\n"
                + "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_redrive 2>/dev/null\n"
                + "if (( ${#COMPREPLY[@]} )); then printf '%s\\n' \"${COMPREPLY[@]}\"; fi\n";
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", simulate, "bash"));
        command.addAll(Arrays.asList(words));
        return Processes.run(bin, environment, command);
    }

    private static List<String> fish(String line) {
        RunResult run = Processes.run(bin, env, List.of("fish", "--no-config", "-c",
                "source '" + FISH_SCRIPT + "'; complete -C '" + line + "'"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return lines(run.out()).stream().map(l -> l.split("\t", 2)[0]).toList();
    }

    private static List<String> lines(String out) {
        return out.isBlank() ? List.of() : Arrays.stream(out.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
