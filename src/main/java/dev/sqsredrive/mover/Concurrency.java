package dev.sqsredrive.mover;

/**
 * The run's workers at one moment, as the live view, {@code -v} and the summary show them.
 *
 * @param current  workers that may work now
 * @param peak     the most that worked at once so far
 * @param min      the fewest an adaptive limit goes down to (a fixed one: its number)
 * @param max      the most it goes up to (a fixed one: its number)
 * @param adaptive the number finds itself (no {@code --concurrency N})
 */
public record Concurrency(int current, int peak, int min, int max, boolean adaptive) {

    static Concurrency of(ConcurrencyLimit limit) {
        return new Concurrency(limit.current(), limit.peak(), limit.min(), limit.max(), limit.adaptive());
    }
}
