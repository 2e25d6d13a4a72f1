package dev.sqsredrive.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people type them: 30s, 5m, 1h30m, 500ms, a bare number of seconds, or ISO-8601 (PT5M). */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw new TypeConversionException("'" + value + "' is too long a duration");
        }
    }

    private static Duration parse(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.matches("\\d+")) {
            return positive(Duration.ofSeconds(Long.parseLong(v)), value);
        }
        if (v.startsWith("p")) {
            try {
                return positive(Duration.parse(v.toUpperCase(java.util.Locale.ROOT)), value);
            } catch (DateTimeParseException e) {
                throw bad(value);
            }
        }
        if (!v.matches("(\\d+(ms|h|m|s))+")) {
            throw bad(value);
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(v);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
        }
        return positive(total, value);
    }

    private static Duration positive(Duration d, String value) {
        if (d.isNegative() || d.isZero()) {
            throw new TypeConversionException("'" + value + "' must be longer than zero");
        }
        return d;
    }

    private static TypeConversionException bad(String value) {
        return new TypeConversionException("'" + value + "' is not a duration (e.g. 30s, 5m, 1h30m)");
    }
}
