package dev.sqsredrive.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom to call SQS, resolved the way the AWS CLI does it: flags first, then the
 * environment, then the profile. The Java SDK alone ignores {@code AWS_DEFAULT_REGION}; the CLI honours
 * it and so do we, because runbooks written for the CLI set it. Credentials: see {@link CredentialsChoice}.
 *
 * @param profile        the profile named by --profile or AWS_PROFILE, if any
 * @param profileFromFlag whether --profile named it: then keys in the environment do not count
 * @param region         the region, if one could be found without a queue ARN to read it from
 * @param endpoint       an endpoint override (--endpoint-url, AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL)
 * @param readTimeout    the longest one API call attempt may take before it is abandoned and retried
 * @param connectTimeout the longest a connection may take to open
 * @param env            the environment the settings were read from (credentials may come from it)
 */
public record AwsSettings(Optional<String> profile, boolean profileFromFlag, Optional<String> region,
                          Optional<URI> endpoint, Duration readTimeout, Duration connectTimeout,
                          Map<String, String> env) {

    /** Region used against a local endpoint when nothing names one: local servers accept any. */
    static final String LOCAL_DEFAULT_REGION = "us-east-1";

    public static AwsSettings resolve(String profileFlag, String regionFlag, String endpointFlag,
                                      Duration readTimeout, Duration connectTimeout, Map<String, String> env) {
        boolean profileFromFlag = firstPresent(profileFlag).isPresent();
        Optional<String> profile = firstPresent(profileFlag, env.get("AWS_PROFILE"));
        Optional<URI> endpoint = firstPresent(endpointFlag, env.get("AWS_ENDPOINT_URL_SQS"), env.get("AWS_ENDPOINT_URL"))
                .map(AwsSettings::endpointUri);
        Optional<String> region = firstPresent(regionFlag, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
        if (region.isEmpty()) {
            region = profileRegion(profile.orElse("default"), env);
        }
        return new AwsSettings(profile, profileFromFlag, region, endpoint, readTimeout, connectTimeout, env);
    }

    /** The profile credentials and region are read from: the named one, else 'default'. */
    public String profileOrDefault() {
        return profile.orElse("default");
    }

    /**
     * The region to call for a queue: the one its ARN or URL names (a queue lives where its ARN says,
     * whatever --region is), else the configured one, else a placeholder for a local endpoint.
     */
    public String regionFor(QueueRef queue) {
        return queue.region().or(() -> region).or(() -> endpoint.map(e -> LOCAL_DEFAULT_REGION)).orElseThrow(() ->
                RedriveException.usage("no AWS region: pass --region, set AWS_REGION, give the queue as an ARN,"
                        + " or set a region in profile '" + profileOrDefault() + "'"));
    }

    /** The region when no queue is named (e.g. listing every DLQ). */
    public String requireRegion() {
        return region.or(() -> endpoint.map(e -> LOCAL_DEFAULT_REGION)).orElseThrow(() ->
                RedriveException.usage("no AWS region: pass --region, set AWS_REGION, or set a region in profile '"
                        + profileOrDefault() + "'"));
    }

    private static URI endpointUri(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw RedriveException.usage("bad endpoint URL '" + value + "' (expected e.g. http://localhost:9324)");
        }
    }

    /** The profile's region, from the profile files of the given environment. */
    private static Optional<String> profileRegion(String profileName, Map<String, String> env) {
        try {
            return ProfileFiles.of(env).profile(profileName).flatMap(p -> p.property("region"));
        } catch (RuntimeException unreadableProfileFile) {
            // A broken ~/.aws/config must not stop a command that names its region another way; the SDK
            // reports the file itself if credentials have to come from it.
            return Optional.empty();
        }
    }

    private static Optional<String> firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }
}
