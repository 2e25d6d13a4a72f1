package dev.sqsredrive.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.proxy.FaultProxy;

/**
 * A DLQ and its source queue (the destination) on ElasticMQ, a {@link FaultProxy} in front of it with no rule
 * yet, and `redrive start DLQ --mode client --to DEST -o json` between them through the proxy, in this JVM.
 */
public final class ProxiedMove implements AutoCloseable {

    private final TestQueues queues = TestQueues.elasticMq();
    private final FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint());
    private final TestQueues.Queue dlq = queues.create("dlq");
    private final TestQueues.Queue dest = queues.createSourceOf("orders", dlq, false);

    public TestQueues queues() {
        return queues;
    }

    public FaultProxy proxy() {
        return proxy;
    }

    public TestQueues.Queue dlq() {
        return dlq;
    }

    public TestQueues.Queue dest() {
        return dest;
    }

    /** The move with these extra options, its state in {@code stateDir}. */
    public RunResult move(Path stateDir, String... options) {
        Map<String, String> env = new HashMap<>(queues.env(stateDir));
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        List<String> args = new ArrayList<>(List.of("start", dlq.name(), "--mode", "client", "--to",
                dest.name(), "-o", "json"));
        args.addAll(List.of(options));
        return Redrive.run(env, args.toArray(String[]::new));
    }

    /** Census of both queues, as {@link Census#take} takes it. */
    public Census census() {
        return Census.take(queues, dlq, dest, java.time.Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        proxy.close();
        queues.close();
    }
}
