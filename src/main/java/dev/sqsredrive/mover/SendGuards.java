package dev.sqsredrive.mover;

import java.util.function.Function;

import dev.sqsredrive.mover.guard.Backpressure;

/**
 * The send guard a run's options ask for: the destination's backlog (--max-backlog) first, then the rate
 * (--rate), which admits right before the send; neither waits on a dry run, and both give way to a stop
 * after which what is not sent stays in the DLQ.
 *
 * @param guard    consulted before each send
 * @param pressure the backlog's gates, for the live view; null without --max-backlog
 */
record SendGuards(SendGuard guard, Backpressure pressure) {

    static SendGuards of(MoverConfig config, Clocks clocks, RunStop stop, Function<Destination, Sink> sinks,
                         CallFailures failures) {
        SendGuard rate = new RatePacer(config.rate() == null || config.dryRun() ? null
                : new RateLimiter(config.rate(), config.batchSize(), clocks.ticker()), clocks.ticker(),
                clocks.sleeper(), stop.signal(), stop::unsentStays);
        if (config.maxBacklog() == null || config.dryRun()) {
            return new SendGuards(rate, null);
        }
        Backpressure pressure = new Backpressure(config.maxBacklog(), clocks.ticker(), clocks.sleeper());
        SendGuard backlog = new BacklogGuard(pressure, config.maxBacklog(), sinks, failures,
                () -> stop.reason() != null && stop.reason() != StopReason.DRAINED);
        return new SendGuards(backlog.then(rate), pressure);
    }
}
