package dev.sqsredrive.cli;

import java.util.Locale;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.task.ClientOptions;

/**
 * `--concurrency N|auto` as typed: a number of workers, or null for auto (the default, also when absent).
 * Its range is checked with the other options, in {@code CheckedStart.of}.
 */
final class ConcurrencyOption {

    static final String AUTO = "auto";

    private ConcurrencyOption() {
    }

    /** @return the workers asked for, null for auto; refuses what is neither, in one line */
    static Integer parse(String typed) {
        if (typed == null || typed.strip().toLowerCase(Locale.ROOT).equals(AUTO)) {
            return null;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            // junk, or a number past an int (out of range all the same): one line, as typed
            throw RedriveException.usage(ClientOptions.concurrencyRefused(typed.isBlank() ? "''" : typed));
        }
    }
}
