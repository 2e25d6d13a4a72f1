package dev.sqsredrive.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.sqsredrive.testing.TestQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The extension the AWS suites use, on ElasticMQ: a test class whose tests fail still leaves no queue of its
 * run behind, and one that is refused or skipped before connecting fails or skips with its one line.
 */
class RunQueuesExtensionTest {

    static final String FIXTURE_SWITCH = "redrive.test.fixtures";

    /** Runs a fixture class in a JUnit launcher of its own, as surefire would, and sums up how it went. */
    private static TestExecutionSummary run(Supplier<E2eBackend> connect) {
        return run(Optional::empty, connect);
    }

    private static TestExecutionSummary run(Supplier<Optional<String>> skip, Supplier<E2eBackend> connect) {
        FailingSuite.skip = skip;
        FailingSuite.connect = connect;
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FailingSuite.class)).configurationParameter(FIXTURE_SWITCH, "on").build(),
                listener);
        return listener.getSummary();
    }

    @Test
    void everyQueueOfARunIsDeletedAfterItsTestsFailed() {
        TestExecutionSummary summary = run(ElasticMqBackend::connect);

        assertThat(summary.getTestsFailedCount()).as("both fixture tests fail on purpose").isEqualTo(2);
        assertThat(FailingSuite.created).hasSize(3);
        try (SqsClient sqs = ElasticMqBackend.client()) {
            assertThat(sqs.listQueues(r -> r.queueNamePrefix(FailingSuite.run.queuePrefix())).queueUrls())
                    .as("queues of run " + FailingSuite.run.value()).isEmpty();
        }
    }

    @Test
    void aRefusedRunFailsEveryTestWithItsOneLineAndCreatesNothing() {
        FailingSuite.created.clear();
        TestExecutionSummary summary = run(() -> {
            throw new IllegalStateException("refusing the AWS suite: set REDRIVE_E2E_AWS_CONFIRM");
        });

        assertThat(summary.getTotalFailureCount()).isEqualTo(1); // the class, before any test
        assertThat(summary.getFailures().get(0).getException())
                .hasMessage("refusing the AWS suite: set REDRIVE_E2E_AWS_CONFIRM");
        assertThat(summary.getTestsSucceededCount() + summary.getTestsFailedCount()).isZero();
        assertThat(FailingSuite.created).isEmpty();
    }

    @Test
    void aRunNotAskedForIsSkippedWithItsReasonWithoutConnecting() {
        FailingSuite.created.clear();
        TestExecutionSummary summary = run(() -> Optional.of("AWS end-to-end suite not requested"), () -> {
            throw new AssertionError("connected although not asked for");
        });

        assertThat(summary.getContainersSkippedCount()).isEqualTo(1);
        assertThat(summary.getTotalFailureCount()).isZero();
        assertThat(FailingSuite.created).isEmpty();
    }

    /** Runs only inside the launcher above, never on its own (surefire and IDEs would find it otherwise). */
    static final class OnlyFromTheLauncher implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURE_SWITCH).isPresent()
                    ? ConditionEvaluationResult.enabled("launched as a fixture")
                    : ConditionEvaluationResult.disabled("a fixture of RunQueuesExtensionTest");
        }
    }

    /** A suite whose tests create queues of the run and then fail. */
    @ExtendWith(OnlyFromTheLauncher.class)
    static final class FailingSuite {

        static volatile Supplier<Optional<String>> skip;
        static volatile Supplier<E2eBackend> connect;
        static volatile RunId run;
        static final List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();

        @RegisterExtension
        static final RunQueuesExtension RUN = new RunQueuesExtension(() -> skip.get(), () -> connect.get());

        @Test
        void createsTwoQueuesThenFailsAnAssertion() {
            run = RUN.run().run();
            try (TestQueues queues = RUN.server().queues()) {
                created.add(queues.create("dlq").url());
                created.add(queues.create("target", true, Map.of()).url());
            }
            throw new AssertionError("deliberately failed after creating queues");
        }

        @Test
        void createsAQueueThenThrows() {
            try (TestQueues queues = RUN.server().queues()) {
                created.add(queues.create("other").url());
            }
            throw new IllegalStateException("deliberately thrown after creating a queue");
        }
    }
}
