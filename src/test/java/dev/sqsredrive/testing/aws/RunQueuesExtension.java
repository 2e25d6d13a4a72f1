package dev.sqsredrive.testing.aws;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.sqsredrive.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a {@link TestServer} whose queues belong to one run ({@link RunQueues}). A class not
 * asked for is disabled, each test reported as skipped with the one-line reason; otherwise, before the
 * class, it connects (which may refuse, see {@link AwsOptIn}) and sweeps leftovers of earlier runs;
 * after it, whatever the tests did or threw, deletes every queue of the run. A JVM stopped by Ctrl-C runs
 * no after-all callback, so a shutdown hook deletes them too; a JVM killed outright leaves them to the next
 * run's sweep. Register it as a static field with {@code @RegisterExtension}.
 */
public final class RunQueuesExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private final Supplier<Optional<String>> skipBecause;
    private final Supplier<E2eBackend> connect;
    private E2eBackend backend;
    private RunQueues run;
    private Thread onInterrupt;

    /**
     * @param skipBecause why the class does not run at all, if it does not (asked before anything else)
     * @param connect     connects to the backend; may throw (refuse)
     */
    public RunQueuesExtension(Supplier<Optional<String>> skipBecause, Supplier<E2eBackend> connect) {
        this.skipBecause = skipBecause;
        this.connect = connect;
    }

    /** The AWS account the environment opts in to, or a skip / refusal (see {@link AwsBackends}). */
    public static RunQueuesExtension aws() {
        return new RunQueuesExtension(AwsBackends::notRequested, AwsBackends::fromEnvironment);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skipBecause.get().map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("requested"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        backend = connect.get();
        List<String> swept = Sweeper.sweep(backend.sqs(), Instant.now());
        if (!swept.isEmpty()) {
            System.err.println("redrive-e2e: deleted " + swept.size() + " queue(s) left over by earlier runs");
        }
        run = new RunQueues(RunId.next(System.getenv(), Instant.now()));
        onInterrupt = new Thread(this::deleteQuietly, "redrive-e2e-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    public TestServer server() {
        if (run == null) {
            throw new IllegalStateException("not connected: the extension's beforeAll has not run");
        }
        return new TestServer(backend.name(), backend.endpoint(), backend.region(), backend.account(),
                backend.traits(), run);
    }

    public RunQueues run() {
        return run;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (backend == null) {
            return; // skipped or refused before anything was created
        }
        try {
            if (run != null) {
                run.deleteAll(backend.sqs());
            }
        } finally {
            if (onInterrupt != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it deletes the same queues
                }
            }
            backend.sqs().close();
        }
    }

    private void deleteQuietly() {
        try {
            run.deleteAll(backend.sqs());
        } catch (RuntimeException e) {
            System.err.println("redrive-e2e: cleanup of run " + run.run().value() + " failed: " + e.getMessage());
        }
    }
}
