package dev.sqsredrive.testing.aws;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The id of one run of an AWS suite, in every queue name ({@code redrive-e2e-<runid>-<name>}) and in the
 * tag {@code redrive-e2e=<runid>}: when it started (UTC, to the second, so a person can tell a leftover's
 * age from its name) and four random hex digits (two runs in the same second stay apart). REDRIVE_E2E_RUN_ID
 * sets it instead, e.g. to a CI job's id.
 */
public record RunId(String value) {

    public static final String PREFIX = "redrive-e2e-";
    public static final String TAG = "redrive-e2e";
    public static final String OVERRIDE_VARIABLE = "REDRIVE_E2E_RUN_ID";
    /** SQS queue names allow letters, digits, '-' and '_' up to 80 characters: leave room for the name. */
    static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunId {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a run id is 1 to 30 of a-z, 0-9 and '-': '" + value + "'");
        }
    }

    public static RunId next(Map<String, String> env, Instant now) {
        String given = env.get(OVERRIDE_VARIABLE);
        if (given != null && !given.isBlank()) {
            return new RunId(given.strip());
        }
        byte[] random = new byte[2];
        RANDOM.nextBytes(random);
        return new RunId(STAMP.format(now).toLowerCase() + "-" + HexFormat.of().formatHex(random));
    }

    /** What every queue name of this run starts with. */
    public String queuePrefix() {
        return PREFIX + value + "-";
    }

    public Map<String, String> tags() {
        return Map.of(TAG, value);
    }
}
