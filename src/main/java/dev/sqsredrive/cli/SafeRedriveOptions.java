package dev.sqsredrive.cli;

import java.time.Duration;

import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.task.SafeRedrive;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The safe-redrive guards of `start`: the circuit breaker, the canary, the destination's backlog bound. */
final class SafeRedriveOptions {

    @Option(names = "--max-returned", paramLabel = "N|P%|off", converter = MaxReturnedConverter.class,
            description = "Stop when more of the moved messages came back to the DLQ than this (their consumer still"
                    + " fails them) and end FAILED (exit 4). Default: 10%% of those moved, once at least 20 moved."
                    + " Given explicitly, moves client-side in auto mode; with --mode native --watch the watcher"
                    + " cancels the task instead.")
    MaxReturned maxReturned;

    @Option(names = "--canary", paramLabel = "N",
            description = "Move N messages first, wait (--canary-wait) watching the DLQ for their return, and go on"
                    + " only if none came back (client-side).")
    Long canary;

    @Option(names = "--canary-wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the canary waits (default: 60s).")
    Duration canaryWait;

    @Option(names = "--max-backlog", paramLabel = "N",
            description = "Pause sending to a destination while it holds N or more visible messages (client-side).")
    Long maxBacklog;

    SafeRedrive settings(boolean watched) {
        return new SafeRedrive(maxReturned, canary, canaryWait, maxBacklog, watched);
    }

    /** The parse lives with the bound (mover/guard); picocli only turns its one-line refusal into exit 2. */
    static final class MaxReturnedConverter implements ITypeConverter<MaxReturned> {
        @Override
        public MaxReturned convert(String value) {
            try {
                return MaxReturned.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
