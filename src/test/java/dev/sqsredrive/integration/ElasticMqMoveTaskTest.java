package dev.sqsredrive.integration;

import dev.sqsredrive.testing.TestServer;

/** The move-task scenarios against ElasticMQ embedded in the test JVM: always on. */
class ElasticMqMoveTaskTest extends MoveTaskScenarios {

    @Override
    TestServer server() {
        return TestServer.elasticMq();
    }
}
