package dev.sqsredrive.testing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a suite's queues are named, tagged and remembered on one server. On an emulator: a unique prefix per
 * {@link TestQueues}, nothing else (the server dies with the JVM). On AWS: names and a tag carrying the run id,
 * and every queue noted so that it is deleted afterwards (see {@code testing.aws.RunQueues}).
 */
public interface QueueScope {

    /** A prefix no other TestQueues of this JVM uses. */
    String nextPrefix();

    /** Tags put on every queue at creation. */
    Map<String, String> tags();

    /** Called with each queue once created. */
    void created(TestQueues.Queue queue);

    /** The emulators' scope: "t" + 8 random hex + a counter, no tags, nothing to remember. */
    QueueScope UNIQUE = new QueueScope() {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public String nextPrefix() {
            return "t" + UUID.randomUUID().toString().substring(0, 8) + "-" + counter.incrementAndGet();
        }

        @Override
        public Map<String, String> tags() {
            return Map.of();
        }

        @Override
        public void created(TestQueues.Queue queue) {
        }
    };
}
