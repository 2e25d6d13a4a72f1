package dev.sqsredrive.integration;

import dev.sqsredrive.testing.LocalStack;
import dev.sqsredrive.testing.TestServer;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The client-side mover's scenarios against LocalStack, where Docker runs; skipped where it does not. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackClientMoverTest extends ClientMoverScenarios {

    @Override
    TestServer server() {
        return LocalStack.server();
    }
}
