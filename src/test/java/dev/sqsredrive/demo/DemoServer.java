package dev.sqsredrive.demo;

import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.TestQueues;

/**
 * A local SQS-compatible server (ElasticMQ, in this JVM) with an orders queue whose DLQ holds messages that
 * were really dead-lettered: sent to orders and received past maxReceiveCount, so each carries the
 * DeadLetterQueueSourceArn SQS gives it. Shared by the demo and the AOT-cache training.
 *
 * @param queues the fixture that made the queues (and can count what they hold)
 * @param orders the source queue
 * @param dlq    its dead-letter queue
 */
record DemoServer(TestQueues queues, TestQueues.Queue orders, TestQueues.Queue dlq) {

    static {
        // ElasticMQ logs each request at info; the demo's reader wants redrive's output only.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }

    static DemoServer start(int deadLettered) {
        TestQueues queues = TestQueues.unprefixed(ElasticMq.endpoint(), ElasticMq.REGION);
        TestQueues.Queue dlq = queues.create("orders-dlq");
        TestQueues.Queue orders = queues.createSourceOf("orders", dlq, false);
        queues.deadLetter(orders, dlq, deadLettered, "order");
        return new DemoServer(queues, orders, dlq);
    }

    /**
     * A server for benchmarks and trying redrive by hand (bench/startup): prints its endpoint, then serves until
     * its standard input closes. Argument: how many messages to dead-letter (default 100).
     */
    public static void main(String[] args) throws java.io.IOException {
        DemoServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 100);
        System.out.println(server.queues().endpoint());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until stdin closes
        }
        System.exit(0);
    }

    /** Environment for a redrive run against this server, remembering its tasks in stateDir. */
    Map<String, String> env(Path stateDir) {
        return queues.env(stateDir);
    }
}
