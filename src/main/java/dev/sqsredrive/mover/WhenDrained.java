package dev.sqsredrive.mover;

import java.time.Duration;

import dev.sqsredrive.mover.guard.Canary;

/**
 * What the run does when the DLQ looks drained, before it believes it: waits while an earlier run's messages
 * may still come back (at most {@link InFlightWait#MAX_WAIT}), and for the canary's verdict on what it moved.
 */
final class WhenDrained {

    /** A pause of its own length between two looks at the DLQ's count, cut short by a stop. */
    private static final Duration IN_FLIGHT_POLL = Duration.ofSeconds(1);

    private final MoverConfig config;
    private final RunStop stop;
    private final OnePass onePass;
    private final InFlightWait inFlight;
    private final DrainDetector drain;

    WhenDrained(MoverConfig config, RunStop stop, OnePass onePass, InFlightWait inFlight, DrainDetector drain) {
        this.config = config;
        this.stop = stop;
        this.onePass = onePass;
        this.inFlight = inFlight;
        this.drain = drain;
    }

    /** True to go on moving, after a pause, while an earlier run's messages come back. */
    boolean waitForInFlight(Workers.Tick tick, ProgressListener listener) throws InterruptedException {
        if (!config.awaitInFlight() || !inFlight.keepWaiting(listener)) {
            return false;
        }
        tick.run();
        stop.await(IN_FLIGHT_POLL);
        drain.reset();
        return stop.reason() == StopReason.DRAINED;
    }

    /** The DLQ ran dry before the canary's N moved: the ones that did are still watched for the wait. */
    void settleCanary(Workers.Tick tick) throws InterruptedException {
        Canary canary = onePass.canary();
        if (canary == null) {
            return;
        }
        canary.noMoreToMove();
        while (canary.phase() == Canary.Phase.WAITING && stop.reason() == StopReason.DRAINED) {
            tick.run();
            stop.await(config.tick());
        }
        tick.run(); // says the verdict; a failed canary stops the run
        if (canary.phase() == Canary.Phase.FAILED) {
            stop.stop(StopReason.RETURNED);
        }
    }
}
