package dev.sqsredrive.integration;

import dev.sqsredrive.testing.TestServer;
import dev.sqsredrive.testing.aws.RunQueuesExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The native move-task scenarios against a real AWS account: only when asked for and confirmed (see
 * {@link dev.sqsredrive.testing.aws.AwsOptIn}, docs/TESTING.md); every queue is deleted afterwards.
 */
class AwsMoveTaskTest extends MoveTaskScenarios {

    @RegisterExtension
    static final RunQueuesExtension AWS = RunQueuesExtension.aws();

    @Override
    TestServer server() {
        return AWS.server();
    }
}
