package dev.sqsredrive.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;

/**
 * SQS's round trip on one machine: the tests' loopback {@link FaultProxy} in front of ElasticMQ with one rule,
 * a fixed delay on every call before it is forwarded. ElasticMQ answers in microseconds where SQS takes tens
 * of milliseconds, so without it every tool looks CPU-bound; with it, the number of calls in flight decides.
 */
final class DelayProxy {

    private DelayProxy() {
    }

    static FaultProxy start(URI upstream, Duration delay) {
        return FaultProxy.start(upstream, FaultRule.on(null, Fault.latency(delay), 1, 1, Integer.MAX_VALUE));
    }

    /** The median of 21 timed GetQueueAttributes calls through the proxy, in seconds: the round trip a tool sees. */
    static double medianRoundTrip(FaultProxy proxy, TestQueues.Queue queue) {
        return medianRoundTrip(proxy.endpoint(), queue);
    }

    /** The same through any endpoint: the proxy's, or the server's own for the round trip with no delay added. */
    static double medianRoundTrip(URI endpoint, TestQueues.Queue queue) {
        try (TestQueues through = new TestQueues(endpoint, ElasticMq.REGION)) {
            through.depth(queue); // the connection and the client's first-call costs out of the way
            double[] seconds = new double[21];
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                through.depth(queue);
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            return seconds[seconds.length / 2];
        }
    }
}
