package dev.sqsredrive.cli;

import java.io.BufferedReader;
import java.time.Clock;
import java.util.Map;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;


/**
 * What a run gets from the world around it. Tests pass their own environment, clock and terminal flag,
 * so nothing in the commands reads System.getenv or the system's clocks directly.
 *
 * @param env      environment variables (AWS_*, NO_COLOR, REDRIVE_STATE_DIR, ...)
 * @param clock    wall clock for timestamps and timeouts
 * @param ticker   monotonic time for rates, holds and deadlines (a run's measured time)
 * @param sleeper  how waiting between polls is done
 * @param terminal whether a person is at a terminal (prompts, colour, live view)
 * @param stdin    where confirmations are read from
 */
public record Context(Map<String, String> env, Clock clock, Ticker ticker, Sleeper sleeper, boolean terminal,
                      BufferedReader stdin) {

    /** On the system's clock, ticker and sleeper: the one place a run's time is the real one. */
    public static Context ofSystem(Map<String, String> env, boolean terminal, BufferedReader stdin) {
        return new Context(env, Clock.systemUTC(), Ticker.system(), Sleeper.real(), terminal, stdin);
    }
}
