package dev.sqsredrive.mover.guard;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The circuit breaker's bound, as given with {@code --max-returned}: a number of messages, a share of those
 * moved, or off. Without the option the bound is {@link #DEFAULT}: 10 % of what was moved, once at least
 * {@value #DEFAULT_MINIMUM} moved (fewer is too small a sample for a share: the first message back would trip
 * it). A share given explicitly counts from the first message moved: the operator chose it.
 *
 * @param kind     what the bound is
 * @param count    for COUNT: the most messages that may come back without tripping
 * @param percent  for PERCENT: the most that may come back, as a share of those moved (0 to 100)
 * @param explicit true when given on the command line (it selects the client-side mover in auto mode, and
 *                 arms the native watcher)
 */
public record MaxReturned(Kind kind, long count, BigDecimal percent, boolean explicit) {

    public enum Kind { OFF, COUNT, PERCENT }

    /** The default share applies only once this many messages moved. */
    public static final long DEFAULT_MINIMUM = 20;

    public static final MaxReturned DEFAULT = new MaxReturned(Kind.PERCENT, 0, BigDecimal.TEN, false);

    private static final String FORMS = "N (messages), P% (of those moved, 0% to 100%) or off";

    /**
     * Parses the option's value; a bad one throws IllegalArgumentException with a one-line message (which
     * the command line prefixes with the option's name), for exit 2.
     */
    public static MaxReturned parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("off")) {
            return new MaxReturned(Kind.OFF, 0, null, true);
        }
        if (v.matches("\\d{1,18}")) {
            return new MaxReturned(Kind.COUNT, Long.parseLong(v), null, true);
        }
        if (v.matches("\\d{1,3}(\\.\\d{1,6})?%")) {
            BigDecimal p = new BigDecimal(v.substring(0, v.length() - 1));
            if (p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("'" + value.strip() + "' is more than 100%");
            }
            return new MaxReturned(Kind.PERCENT, 0, p, true);
        }
        throw new IllegalArgumentException("'" + value + "' is not " + FORMS);
    }

    /** The most messages that may come back when {@code moved} were moved; Long.MAX_VALUE for no bound yet. */
    public long allowed(long moved) {
        return switch (kind) {
            case OFF -> Long.MAX_VALUE;
            case COUNT -> count;
            case PERCENT -> !explicit && moved < DEFAULT_MINIMUM ? Long.MAX_VALUE
                    : percent.multiply(BigDecimal.valueOf(moved)).divideToIntegralValue(BigDecimal.valueOf(100))
                    .longValueExact();
        };
    }

    /** True when more came back than the bound allows. */
    public boolean exceeded(long moved, long returned) {
        return returned > allowed(moved);
    }

    /** As an operator would type it: "10%", "5", "off". */
    @Override
    public String toString() {
        return switch (kind) {
            case OFF -> "off";
            case COUNT -> Long.toString(count);
            case PERCENT -> percent.stripTrailingZeros().toPlainString() + "%";
        };
    }
}
