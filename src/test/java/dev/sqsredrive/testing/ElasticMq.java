package dev.sqsredrive.testing;

import java.net.URI;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * One ElasticMQ server for the whole test JVM, on a free loopback port, started on first use. Tests keep
 * out of each other's way by using queues with unique names ({@link TestQueues}).
 */
public final class ElasticMq {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private static SQSRestServer server;
    private static URI endpoint;

    private ElasticMq() {
    }

    public static synchronized URI endpoint() {
        if (server == null) {
            server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                    .withAWSRegion(REGION).withAWSAccountId(ACCOUNT).start();
            int port = server.waitUntilStarted().localAddress().getPort();
            endpoint = URI.create("http://127.0.0.1:" + port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stopAndWait()));
        }
        return endpoint;
    }
}
