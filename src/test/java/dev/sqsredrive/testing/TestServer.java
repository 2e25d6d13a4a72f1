package dev.sqsredrive.testing;

import java.net.URI;

/**
 * An SQS-compatible server a scenario suite runs against.
 *
 * @param name     for test names and failure messages
 * @param endpoint what --endpoint-url / AWS_ENDPOINT_URL points at
 * @param region   the region the server's ARNs name
 * @param traits   where the server differs from AWS
 */
public record TestServer(String name, URI endpoint, String region, ServerTraits traits) {

    public static TestServer elasticMq() {
        return new TestServer("ElasticMQ", ElasticMq.endpoint(), ElasticMq.REGION, ServerTraits.ELASTIC_MQ);
    }

    public TestQueues queues() {
        return new TestQueues(endpoint, region);
    }
}
