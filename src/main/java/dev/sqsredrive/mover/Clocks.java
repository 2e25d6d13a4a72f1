package dev.sqsredrive.mover;

import java.time.Clock;

import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/**
 * The time a run reads and waits on: the wall clock (message age for filters), a monotonic ticker (rate,
 * holds, deadlines) and a sleeper (back-offs), injected together so a test can fake them.
 */
public record Clocks(Clock wall, Ticker ticker, Sleeper sleeper) {
}
