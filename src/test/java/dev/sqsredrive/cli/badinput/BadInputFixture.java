package dev.sqsredrive.cli.badinput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.sqsredrive.cli.Context;
import dev.sqsredrive.testing.DeviceNodes;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/**
 * The queues one bad-input case runs against, all real on ElasticMQ: a standard DLQ fed by a source queue,
 * a FIFO DLQ fed by a FIFO source, a plain queue that is nobody's DLQ, and an empty target; each holds
 * messages, so that anything moved or lost shows in their depths.
 */
final class BadInputFixture implements AutoCloseable {

    final TestQueues queues = TestQueues.elasticMq();
    final Path state;
    final Queue dlq;
    final Queue source;
    final Queue fifoDlq;
    final Queue plain;
    final Queue target;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    BadInputFixture(Path state) {
        this.state = state;
        dlq = queues.create("dlq");
        source = queues.createSourceOf("orders", dlq, false);
        fifoDlq = queues.create("dlq", true, Map.of());
        queues.createSourceOf("orders", fifoDlq, true);
        plain = queues.create("plain");
        target = queues.create("target");
        queues.send(dlq, 3, "dlq");
        queues.send(fifoDlq, 2, "fifo");
        queues.send(plain, 2, "plain");
    }

    /** What every queue of the case holds, visible plus in flight. */
    Map<String, Long> depths() {
        Map<String, Long> d = new LinkedHashMap<>();
        for (Queue q : List.of(dlq, source, fifoDlq, plain, target)) {
            d.put(q.name(), queues.depth(q));
        }
        return d;
    }

    Map<String, String> env() {
        return queues.env(state);
    }

    RunResult run(String... args) {
        return Redrive.run(env(), args);
    }

    RunResult runWith(Consumer<Map<String, String>> envChange, String... args) {
        Map<String, String> env = env();
        envChange.accept(env);
        return Redrive.run(env, args);
    }

    /** As at a terminal, answering the question from this stdin. */
    RunResult runOnTerminal(Reader stdin, String... args) {
        return Redrive.run(new Context(env(), Clock.systemUTC(),
                Ticker.system(), Sleeper.real(), true, new BufferedReader(stdin)),
                args);
    }

    RunResult runAt(Path stateDir, String... args) {
        return runWith(env -> env.put("REDRIVE_STATE_DIR", stateDir.toString()), args);
    }

    /** A client-side move of the DLQ to the target that ends COMPLETED; returns its handle. */
    String finishedClientTask() {
        queues.send(dlq, 1, "moved-before");
        RunResult r = run("start", dlq.name(), "--to", target.name(), "--mode", "client");
        if (r.exitCode() != 0) {
            throw new AssertionError("setup move failed: " + r);
        }
        return r.outLines().get(0);
    }

    Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A device node or pipe made with mknod in the state folder (as root; the case is skipped elsewhere). */
    Path mknod(String name, String... type) {
        return DeviceNodes.make(state.resolve(name), type);
    }

    Path symlink(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    static Reader emptyStdin() {
        return new StringReader("");
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        queues.close();
    }
}
