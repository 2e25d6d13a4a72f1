package dev.sqsredrive.integration;

import dev.sqsredrive.testing.TestServer;

/** The client-side mover's scenarios against ElasticMQ embedded in the test JVM: always on. */
class ElasticMqClientMoverTest extends ClientMoverScenarios {

    @Override
    TestServer server() {
        return TestServer.elasticMq();
    }
}
