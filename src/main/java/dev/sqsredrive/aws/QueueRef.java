package dev.sqsredrive.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A queue as the user typed it: a name, a queue URL or an ARN. Parsing checks the shape only; whether
 * the queue exists is asked of SQS later ({@link QueueResolver}).
 *
 * @param input     exactly what the user typed, for error messages
 * @param name      the queue name (1-80 characters of letters, digits, '-' and '_', FIFO names end in .fifo)
 * @param accountId the owner account, when the input names one (URL or ARN)
 * @param region    the region, when the input names one (ARN, or an AWS-style URL)
 * @param url       the queue URL, when the input is one
 */
public record QueueRef(String input, String name, Optional<String> accountId, Optional<String> region,
                       Optional<String> url) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}(\\.fifo)?|[A-Za-z0-9_-]{1,80}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** A region's name: AWS's (eu-west-1), or a local server's word (lowercase letters, digits, hyphens). */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+|[a-z0-9-]+");
    /** sqs[-fips].REGION.amazonaws.com[.cn], the dual-stack sqs.REGION.api.aws, legacy REGION.queue.amazonaws.com. */
    private static final Pattern AWS_HOST_REGION = Pattern.compile(
            "^sqs(?:-fips)?\\.([a-z0-9-]+)\\.(?:amazonaws\\.com(?:\\.cn)?|api\\.aws)$"
            + "|^([a-z0-9-]+)\\.queue\\.amazonaws\\.com(?:\\.cn)?$");
    /** The oldest queue URLs have no region in the host: they are us-east-1's. */
    private static final String LEGACY_US_EAST_1_HOST = "queue.amazonaws.com";
    private static final String NAME_RULE =
            "a queue name has 1 to 80 letters, digits, '-' or '_' (FIFO names end in .fifo)";

    public static QueueRef parse(String input) {
        if (input == null || input.isBlank()) {
            throw RedriveException.usage("empty queue: give a queue name, URL or ARN");
        }
        String trimmed = input.strip();
        if (trimmed.startsWith("arn:")) {
            return parseArn(input, trimmed);
        }
        if (trimmed.contains("://")) {
            return parseUrl(input, trimmed);
        }
        checkName(input, trimmed);
        return new QueueRef(input, trimmed, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isFifoName() {
        return name.endsWith(".fifo");
    }

    /** AWS's partitions, as ARNs spell them. */
    private static final java.util.List<String> PARTITIONS = java.util.List.of("aws", "aws-cn", "aws-us-gov",
            "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

    /** Whether this can be a region's name: never a path, a host or anything else a URL would carry. */
    public static boolean isRegion(String region) {
        return REGION.matcher(region).matches();
    }

    private static QueueRef parseArn(String input, String arn) {
        // arn:partition:sqs:region:account:name
        String[] parts = arn.split(":", -1);
        if (parts.length != 6 || parts[1].isEmpty() || !parts[2].equals("sqs")) {
            throw RedriveException.usage("not an SQS queue ARN: '" + input
                    + "' (expected arn:aws:sqs:REGION:ACCOUNT:QUEUE)");
        }
        if (!PARTITIONS.contains(parts[1])) {
            // Unchecked, an unknown partition went to SQS and came back as "queue does not exist" (exit 3).
            throw RedriveException.usage("unknown partition '" + parts[1] + "' in queue ARN '" + input
                    + "' (one of " + String.join(", ", PARTITIONS) + ")");
        }
        if (!isRegion(parts[3])) {
            throw RedriveException.usage("bad region '" + parts[3] + "' in queue ARN '" + input + "'");
        }
        if (!ACCOUNT.matcher(parts[4]).matches()) {
            throw RedriveException.usage("bad account id '" + parts[4] + "' in queue ARN '" + input
                    + "' (12 digits expected)");
        }
        checkName(input, parts[5]);
        return new QueueRef(input, parts[5], Optional.of(parts[4]), Optional.of(parts[3]), Optional.empty());
    }

    private static QueueRef parseUrl(String input, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw RedriveException.usage("not a queue URL: '" + input + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw RedriveException.usage("not a queue URL: '" + input
                    + "' (expected https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        if (segments.length != 2) {
            throw RedriveException.usage("not a queue URL: '" + input + "' (the path must be /ACCOUNT/QUEUE)");
        }
        checkName(input, segments[1]);
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        var matcher = AWS_HOST_REGION.matcher(host);
        Optional<String> region = Optional.empty();
        if (matcher.matches()) {
            region = Optional.ofNullable(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        } else if (host.equals(LEGACY_US_EAST_1_HOST)) {
            region = Optional.of("us-east-1");
        }
        Optional<String> account = ACCOUNT.matcher(segments[0]).matches()
                ? Optional.of(segments[0]) : Optional.empty();
        return new QueueRef(input, segments[1], account, region, Optional.of(url));
    }

    private static void checkName(String input, String name) {
        if (!NAME.matcher(name).matches()) {
            throw RedriveException.usage("bad queue name '" + name + "' in '" + input + "': " + NAME_RULE);
        }
    }
}
