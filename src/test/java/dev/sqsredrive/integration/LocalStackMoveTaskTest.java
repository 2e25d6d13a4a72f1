package dev.sqsredrive.integration;

import dev.sqsredrive.testing.ServerTraits;
import dev.sqsredrive.testing.TestServer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The move-task scenarios against LocalStack in a container, where Docker runs; reported as skipped where
 * it does not. One container for the class: the scenarios keep apart through unique queue names.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackMoveTaskTest extends MoveTaskScenarios {

    /** Pinned: LocalStack's SQS emulation changes between releases, and so would these results. */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.9.2");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE).withServices("sqs");

    @Override
    TestServer server() {
        return new TestServer("LocalStack", LOCALSTACK.getEndpoint(), LOCALSTACK.getRegion(), ServerTraits.LOCALSTACK);
    }
}
