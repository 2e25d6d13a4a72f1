package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An endpoint that never answers, or cannot be reached at all, ends the command with exit 3, never a hang. */
class UnreachableEndpointTest {

    /** Generous for a refused connection: six attempts plus the SDK's backoff between them. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** The read timeout given to the silent server's test. */
    private static final int READ_TIMEOUT_SECONDS = 3;
    /**
     * A call with its retries ends after two read timeouts (6 s); the slack covers a loaded machine. Six
     * attempts of 3 s each, as before the call timeout, take 18 s and fail this.
     */
    private static final Duration SILENT_BOUND = Duration.ofSeconds(2 * READ_TIMEOUT_SECONDS + 6);

    @TempDir
    Path stateDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = Redrive.baseEnv(stateDir);
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    /** A server that accepts every connection and never says a word; held connections close with the test. */
    private int silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        toClose.add(server);
        Thread acceptor = new Thread(() -> {
            for (int i = 0; i < 100 && !server.isClosed(); i++) { // bounded: the command makes a handful of attempts
                try {
                    Socket s = server.accept();
                    synchronized (toClose) {
                        toClose.add(s);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    @Test
    void aServerThatNeverAnswersEndsWithExitThreeWithinTwiceTheReadTimeout() throws IOException {
        int port = silentServer();

        RunResult r = assertTimeoutPreemptively(SILENT_BOUND, () -> Redrive.run(env(), "list", "orders-dlq",
                "--endpoint-url", "http://127.0.0.1:" + port, "--cli-read-timeout", "" + READ_TIMEOUT_SECONDS));

        r.assertExitCode(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("redrive: ").contains("no answer from SQS", "orders-dlq", "--cli-read-timeout");
    }

    /** A port that was free a moment ago: connections to it are refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void anEndpointNobodyListensOnEndsWithExitThreeNamingTheCause() throws IOException {
        int closedPort = closedPort();

        RunResult r = assertTimeoutPreemptively(BOUND, () -> Redrive.run(env(), "--endpoint-url",
                "http://127.0.0.1:" + closedPort, "start", "orders-dlq"));

        r.assertExitCode(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("redrive: ").contains("cannot reach SQS", "orders-dlq", "ConnectException");
    }

    @Test
    void aStackTraceOnlyWithDebug() throws IOException {
        int closedPort = closedPort();

        RunResult r = assertTimeoutPreemptively(BOUND, () -> Redrive.run(env(), "--endpoint-url",
                "http://127.0.0.1:" + closedPort, "list", "orders-dlq", "--debug"));

        r.assertExitCode(3);
        assertThat(r.errLines()).as(r.toString())
                .anySatisfy(l -> assertThat(l).startsWith("redrive: ").contains("cannot reach SQS"));
        assertThat(r.err()).contains("\tat ").contains("ConnectException");
    }
}
