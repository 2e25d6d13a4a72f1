package dev.sqsredrive.testing.aws;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whether the end-to-end suite may run against a real AWS account, decided before any queue exists. It runs
 * only when asked for ({@code -Paws-e2e}, or REDRIVE_E2E_AWS=1) and only in the account named by
 * REDRIVE_E2E_AWS_CONFIRM, which must be the caller's own (STS GetCallerIdentity): credentials that point at
 * the wrong account (a production profile left in the shell) make it refuse, in one line, before it spends
 * or deletes anything.
 */
public final class AwsOptIn {

    public static final String REQUEST_VARIABLE = "REDRIVE_E2E_AWS";
    public static final String REQUEST_PROPERTY = "redrive.e2e.aws";
    public static final String CONFIRM_VARIABLE = "REDRIVE_E2E_AWS_CONFIRM";

    /** What to do with the AWS suites. */
    public sealed interface Decision {
    }

    /** Not asked for: the suites are skipped, reporting this one line. */
    public record Skip(String reason) implements Decision {
    }

    /** Asked for but not safe: the suites fail with this one line, so that a requested run never looks green. */
    public record Refuse(String reason) implements Decision {
    }

    /** Run in this account and region. */
    public record Run(String account, String region) implements Decision {
    }

    private AwsOptIn() {
    }

    /**
     * @param env          environment variables
     * @param properties   system properties (the Maven profile sets {@value #REQUEST_PROPERTY})
     * @param callerAccount asks STS for the caller's account id; called only once everything else is in order
     */
    public static Decision decide(Map<String, String> env, Function<String, String> properties,
                                  Supplier<String> callerAccount) {
        boolean requested = isTrue(env.get(REQUEST_VARIABLE)) || isTrue(properties.apply(REQUEST_PROPERTY));
        if (!requested) {
            return new Skip("AWS end-to-end suite not requested (run with -Paws-e2e or " + REQUEST_VARIABLE
                    + "=1; see docs/TESTING.md)");
        }
        for (String endpoint : new String[] {"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SQS"}) {
            if (!blank(env.get(endpoint))) {
                return new Refuse("refusing the AWS suite: " + endpoint + " is set (" + env.get(endpoint)
                        + "); unset it to run against AWS itself");
            }
        }
        String region = blank(env.get("AWS_REGION")) ? env.get("AWS_DEFAULT_REGION") : env.get("AWS_REGION");
        if (blank(region)) {
            return new Refuse("refusing the AWS suite: no region; set AWS_REGION");
        }
        String confirmed = env.get(CONFIRM_VARIABLE);
        if (blank(confirmed)) {
            return new Refuse("refusing the AWS suite: set " + CONFIRM_VARIABLE
                    + " to the id of the account it may create and delete queues in");
        }
        String caller;
        try {
            caller = callerAccount.get();
        } catch (RuntimeException e) {
            return new Refuse("refusing the AWS suite: cannot tell whose credentials these are (STS "
                    + "GetCallerIdentity: " + firstLine(e.getMessage()) + ")");
        }
        if (!confirmed.strip().equals(caller)) {
            return new Refuse("refusing the AWS suite: " + CONFIRM_VARIABLE + "=" + confirmed.strip()
                    + " but the credentials are of account " + caller);
        }
        return new Run(caller, region);
    }

    private static boolean isTrue(String value) {
        return value != null && (value.strip().equals("1") || value.strip().equalsIgnoreCase("true"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse("");
    }
}
