package dev.sqsredrive.integration;

import dev.sqsredrive.testing.LocalStack;
import dev.sqsredrive.testing.TestServer;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The move-task scenarios against LocalStack in a container, where Docker runs; skipped where it does not. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackMoveTaskTest extends MoveTaskScenarios {

    @Override
    TestServer server() {
        return LocalStack.server();
    }
}
