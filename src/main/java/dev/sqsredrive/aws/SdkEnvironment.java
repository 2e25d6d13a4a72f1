package dev.sqsredrive.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Environment variables the AWS SDK reads by itself when a client is built, checked first: the SDK turns a
 * bad value into an exception from deep inside (AWS_MAX_ATTEMPTS=abc was a NumberFormatException and exit 1).
 * Each is one line naming the variable and what it takes, exit 2, before any call (docs/BAD-INPUTS.md).
 */
final class SdkEnvironment {

    private record Rule(String variable, Predicate<String> accepts, String takes) {
    }

    private static final Set<String> DEFAULTS_MODES = Set.of("legacy", "standard", "mobile", "cross-region",
            "in-region", "auto");

    private static final Rule[] RULES = {
        // redrive sets its own attempts per call (docs/RELIABILITY.md), but the SDK parses this all the same
        new Rule("AWS_MAX_ATTEMPTS", SdkEnvironment::positiveWholeNumber, "a whole number from 1 up"),
        new Rule("AWS_USE_FIPS_ENDPOINT", SdkEnvironment::trueOrFalse, "true or false"),
        new Rule("AWS_USE_DUALSTACK_ENDPOINT", SdkEnvironment::trueOrFalse, "true or false"),
        new Rule("AWS_DEFAULTS_MODE", v -> DEFAULTS_MODES.contains(v.toLowerCase(Locale.ROOT)),
                "one of standard, in-region, cross-region, mobile, auto, legacy"),
    };

    private SdkEnvironment() {
    }

    static void check(Map<String, String> env) {
        for (Rule rule : RULES) {
            String value = env.get(rule.variable());
            if (value != null && !rule.accepts().test(value.strip())) {
                throw RedriveException.usage(rule.variable() + "='" + value + "' is not valid: it takes " + rule.takes()
                        + " (fix or unset it)");
            }
        }
    }

    private static boolean positiveWholeNumber(String v) {
        try {
            return Integer.parseInt(v) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean trueOrFalse(String v) {
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }
}
