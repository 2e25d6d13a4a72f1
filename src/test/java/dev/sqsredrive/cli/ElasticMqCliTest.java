package dev.sqsredrive.cli;

import java.nio.file.Path;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What every end-to-end test of `redrive` against ElasticMQ starts with: queues, a state dir, a runner. */
abstract class ElasticMqCliTest {

    @TempDir
    Path state;

    final TestQueues queues = TestQueues.elasticMq();

    @AfterEach
    void closeQueues() {
        queues.close();
    }

    RunResult redrive(String... args) {
        return Redrive.run(queues.env(state), args);
    }
}
