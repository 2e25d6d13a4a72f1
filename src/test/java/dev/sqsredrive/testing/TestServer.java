package dev.sqsredrive.testing;

import java.net.URI;

/**
 * An SQS-compatible server a scenario suite runs against.
 *
 * @param name     for test names and failure messages
 * @param endpoint what --endpoint-url / AWS_ENDPOINT_URL points at; null for AWS itself (the SDK's endpoint,
 *                 the caller's own credentials)
 * @param region   the region the server's ARNs name
 * @param account  the account id the server's ARNs name
 * @param traits   where the server differs from AWS
 * @param scope    how the suite's queues are named, tagged and remembered there
 */
public record TestServer(String name, URI endpoint, String region, String account, ServerTraits traits,
                         QueueScope scope) {

    public static TestServer elasticMq() {
        return new TestServer("ElasticMQ", ElasticMq.endpoint(), ElasticMq.REGION, ElasticMq.ACCOUNT,
                ServerTraits.ELASTIC_MQ, QueueScope.UNIQUE);
    }

    public boolean isAws() {
        return endpoint == null;
    }

    public TestQueues queues() {
        return new TestQueues(this);
    }
}
