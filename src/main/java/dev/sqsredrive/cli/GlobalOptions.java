package dev.sqsredrive.cli;

import java.time.Duration;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command takes, before or after the command name (as with the AWS CLI). Declared once on
 * the root command and inherited, so the values land here whichever command they were typed after.
 */
public final class GlobalOptions {

    /** How results are printed on stdout. */
    public enum Format { text, json }

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME", order = 100,
            description = "Named profile from ~/.aws/config (default: $AWS_PROFILE, else 'default')."
                    + " Given here, it wins over keys in the environment (AWS_ACCESS_KEY_ID).")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION", order = 101,
            description = "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region, "
                    + "or the region of a queue given as an ARN).")
    String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 102,
            description = {"Send requests to this SQS endpoint instead of AWS's (default: $AWS_ENDPOINT_URL_SQS,"
                    + " then $AWS_ENDPOINT_URL). A local ElasticMQ:", "  http://localhost:9324"})
    String endpointUrl;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", order = 103,
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "json is stable for scripts; watch prints one JSON object per line.")
    Format output = Format.text;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 104,
            description = "Say more on stderr: resolved queues, region, endpoint, each call's decision.")
    boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT, order = 105,
            description = "Stack traces and the SDK's request log on stderr.")
    boolean debug;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, order = 106,
            description = "No colour, even on a terminal (NO_COLOR=1 does the same).")
    boolean noColor;

    @Option(names = "--cli-read-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", order = 107,
            description = "Longest wait for one SQS answer before retrying; a call gives up, retries included,"
                    + " after twice this (default: ${DEFAULT-VALUE}).")
    int readTimeoutSeconds = 30;

    @Option(names = "--cli-connect-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", order = 108,
            description = "Longest wait to connect to SQS (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds = 10;

    public boolean json() {
        return output == Format.json;
    }

    public boolean verbose() {
        return verbose || debug;
    }

    public boolean debug() {
        return debug;
    }

    public boolean noColor() {
        return noColor;
    }

    Duration readTimeout() {
        return Duration.ofSeconds(readTimeoutSeconds);
    }

    Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }
}
