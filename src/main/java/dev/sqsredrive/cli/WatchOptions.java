package dev.sqsredrive.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** How watching polls; shared by `watch` and `start --watch`. */
final class WatchOptions {

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "2s", description = "Time between polls (default: ${DEFAULT-VALUE}). e.g. 500ms, 5s, 1m.")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up watching after this long, with exit code 6; the task itself goes on."
                    + " e.g. 30m, 2h. Default: no limit.")
    Duration timeout;
}
