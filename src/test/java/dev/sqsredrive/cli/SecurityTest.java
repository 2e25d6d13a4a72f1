package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing secret in any output by default, even with -v and --debug (the SDK's request log included, so a
 * real process: slf4j-simple reads its levels once per JVM, and the test JVM's are set to errors only);
 * state files private to their owner; a plain-http endpoint off this machine warned about.
 */
@Timeout(240)
class SecurityTest extends ElasticMqCliTest {

    private static final String BODY = "body-marker-7f3c";
    private static final String KEY = "AKIDMARKER4242";
    private static final String SECRET = "secret-marker-9d1c";
    private static final String TOKEN = "token-marker-5a0f";
    private static final List<String> NEVER = List.of(BODY, KEY, SECRET, TOKEN, "Authorization:",
            "X-Amz-Security-Token", "Signature=");

    private Map<String, String> markedEnv() {
        Map<String, String> env = queues.env(state);
        env.put("AWS_ACCESS_KEY_ID", KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        env.put("AWS_SESSION_TOKEN", TOKEN);
        return env;
    }

    private RunResult process(String... args) {
        try (RedriveProcess p = RedriveProcess.start(markedEnv(), state, args)) {
            return p.await(90);
        }
    }

    @Test
    void noBodyCredentialOrSignatureInAnyOutputWithVerboseAndDebug() {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        Queue target = queues.create("target");
        queues.send(dlq, 3, BODY);

        RunResult client = process("start", dlq.name(), "--to", target.name(), "--mode", "client", "-v", "--debug");
        queues.send(dlq, 3, BODY);
        RunResult nativeStart = process("start", dlq.name(), "--mode", "native", "-v", "--debug");
        String handle = nativeStart.outLines().get(0);
        List<RunResult> runs = List.of(client, nativeStart,
                process("list", "-v", "--debug"), process("list", dlq.name(), "-v", "--debug"),
                process("watch", handle, "--timeout", "20s", "-v", "--debug"),
                process("cancel", client.outLines().get(0), "-v", "--debug"),
                process("start", orders.name(), "--dry-run", "-v", "--debug"));

        assertThat(client.exitCode()).as(client.toString()).isZero();
        assertThat(nativeStart.err()).as("the SDK's request log is on; " + nativeStart).contains("Sending Request");
        for (RunResult r : runs) {
            for (String secret : NEVER) {
                assertThat(r.out() + r.err()).as(r.toString()).doesNotContainIgnoringCase(secret);
            }
        }
    }

    @Test
    void bodiesOnlyWithDryRunAndShowBodies() {
        Queue dlq = queues.create("dlq");
        queues.createSourceOf("orders", dlq, false);
        queues.send(dlq, 2, BODY);

        RunResult without = Redrive.run(markedEnv(), "start", dlq.name(), "--dry-run", "-v");
        RunResult with = Redrive.run(markedEnv(), "start", dlq.name(), "--dry-run", "--show-bodies", "-o", "json");

        assertThat(without.out() + without.err()).as(without.toString()).doesNotContain(BODY);
        assertThat(with.out()).as(with.toString()).contains(BODY + "-0");
    }

    @Test
    void stateFilesAre0600InFolders0700() throws Exception {
        Path stateDir = state.resolve("fresh");
        Map<String, String> env = queues.env(state);
        env.put("REDRIVE_STATE_DIR", stateDir.toString());
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 3, "m");

        RunResult r = Redrive.run(env, "start", dlq.name(), "--to", target.name(), "--mode", "client", "--limit", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // a completed run removes its journal: open one as a run does, to see how it is created
        dev.sqsredrive.mover.Journal.open(StateFiles.journals(stateDir).fileOf(dlq.arn(), "client-x"), "{}").close();

        try (Stream<Path> all = Files.walk(stateDir)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void aPlainHttpEndpointOffThisMachineIsWarnedAboutInOneLine() {
        // The command fails on missing credentials, found out before any connection: no traffic leaves this
        // machine (and .invalid never resolves, RFC 2606).
        RunResult r = Redrive.run(queues.env(state), "list", "orders-dlq", "--profile", "nobody",
                "--endpoint-url", "http://sqs.example.invalid:9324");
        RunResult loopback = Redrive.run(queues.env(state), "list", "orders-dlq", "--profile", "nobody",
                "--endpoint-url", "http://127.0.0.1:1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(2);
        assertThat(r.errLines().get(0)).startsWith("warning: --endpoint-url http://sqs.example.invalid:9324")
                .contains("plain http", "unencrypted");
        assertThat(r.errLines().get(1)).startsWith("redrive: no AWS credentials");
        assertThat(loopback.err()).as(loopback.toString()).doesNotContain("warning");
    }
}
