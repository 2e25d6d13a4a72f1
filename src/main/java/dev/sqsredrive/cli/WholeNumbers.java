package dev.sqsredrive.cli;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Whole-number options (--limit, --concurrency, --max, the timeouts) in words a user reads: picocli's own
 * "'99999999999999999999' is not a long" named a Java type, not what the option takes. Each option's own
 * range (--limit from 1, --concurrency up to 64) is checked where the option is used.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    static void register(CommandLine cmd) {
        cmd.registerConverter(Long.class, v -> (Long) parse(v, Long.MIN_VALUE, Long.MAX_VALUE));
        cmd.registerConverter(Long.TYPE, v -> (Long) parse(v, Long.MIN_VALUE, Long.MAX_VALUE));
        cmd.registerConverter(Integer.class, v -> (int) parse(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cmd.registerConverter(Integer.TYPE, v -> (int) parse(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private static long parse(String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new TypeConversionException("'" + value + "' is not a whole number of at most " + max);
    }
}
