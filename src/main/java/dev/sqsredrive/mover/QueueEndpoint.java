package dev.sqsredrive.mover;

import java.time.Duration;

/** The queues of one kind a run moves between, as the mover uses them. */
public interface QueueEndpoint {

    /** The queue messages are moved from, by its URL (or the kind's own address). */
    Source source(String address);

    /** The queue messages are sent to. */
    Sink sink(Destination destination);

    /** What this kind's failures mean. */
    CallFailures failures();

    /** The longest one attempt of a call waits for its answer (--cli-read-timeout), long polls aside. */
    default Duration attemptTimeout() {
        return Duration.ofSeconds(30);
    }
}
