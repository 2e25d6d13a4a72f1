package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.sqsredrive.aws.AwsSettings;
import dev.sqsredrive.aws.QueueResolver;
import dev.sqsredrive.aws.SqsClients;
import dev.sqsredrive.mover.Clocks;
import dev.sqsredrive.mover.MoveProgress;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confirmation hook comes before anything moves: declining starts nothing, native or client-side. */
class MoveStarterConfirmTest {

    @TempDir
    Path state;

    @Test
    void decliningStartsNothing() throws Exception {
        try (TestQueues queues = TestQueues.elasticMq();
             SqsClients clients = new SqsClients(AwsSettings.resolve(null, null, queues.endpoint().toString(),
                     Duration.ofSeconds(30), Duration.ofSeconds(10), queues.env(state)))) {
            TestQueues.Queue dlq = queues.create("dlq");
            TestQueues.Queue target = queues.create("target");
            queues.send(dlq, 3, "m");
            LocalTasks local = StateFiles.tasks(state);
            MoveStarter starter = new MoveStarter(new QueueResolver(clients), arn -> null, local,
                    new ClientTaskRun(clients, local, StateFiles.journals(state),
                            new Clocks(Clock.systemUTC(), Ticker.system(), Sleeper.real())),
                    Optional.empty(), Clock.systemUTC());
            List<String> asked = new java.util.ArrayList<>();

            MoveStarter.Started started = starter.start(new MoveStarter.Request(dlq.name(), target.name(), null,
                    ModeSelector.Mode.CLIENT, ClientOptions.none(), null), new MoveStarter.Events() {
                        @Override
                        public boolean confirm(MovePlan plan, String how) {
                            asked.add(plan.source().name() + " " + how);
                            return false;
                        }

                        @Override
                        public void fallback(String reason) {
                        }

                        @Override
                        public void started(MoveTask task) {
                            throw new AssertionError("started after a no");
                        }

                        @Override
                        public void note(String line) {
                        }

                        @Override
                        public void onProgress(MoveProgress progress) {
                        }
                    });

            assertThat(started.declined()).isTrue();
            assertThat(asked).containsExactly(dlq.name() + " client-side (this process)");
            assertThat(queues.depth(dlq)).isEqualTo(3);
            assertThat(local.all()).isEmpty();
        }
    }
}
