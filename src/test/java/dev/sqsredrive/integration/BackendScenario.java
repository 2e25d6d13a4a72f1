package dev.sqsredrive.integration;

import java.nio.file.Path;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestServer;
import dev.sqsredrive.testing.cost.RequestReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a backend-neutral scenario class starts with: the server of its subclass (ElasticMQ, LocalStack, AWS),
 * the queues of one test there, a state directory of its own, and `redrive` run through the real CommandLine.
 * The client-side mover's scenarios extend it, and so will the safe-redrive guards' (see docs/TESTING.md).
 * Every class counts the SQS requests it makes ({@link RequestReport}, target/sqs-requests.txt).
 */
@ExtendWith(RequestReport.class)
abstract class BackendScenario {

    @TempDir
    Path stateDir;

    TestServer server;
    TestQueues queues;

    /** The server this suite runs against. */
    abstract TestServer server();

    @BeforeEach
    void connect() {
        server = server();
        queues = server.queues();
    }

    @AfterEach
    void disconnect() {
        queues.close();
    }

    RunResult redrive(String... args) {
        return Redrive.run(queues.env(stateDir), args);
    }
}
