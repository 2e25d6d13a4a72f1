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
 * @param endpointSource which of those named it, for the lines that mention it
 * @param readTimeout    the longest one API call attempt may take before it is abandoned and retried
 * @param connectTimeout the longest a connection may take to open
 * @param env            the environment the settings were read from (credentials may come from it)
 */
public record AwsSettings(Optional<String> profile, boolean profileFromFlag, Optional<String> region,
                          Optional<URI> endpoint, String endpointSource, Duration readTimeout, Duration connectTimeout,
                          Map<String, String> env) {

    /** Region used against a local endpoint when nothing names one: local servers accept any. */
    static final String LOCAL_DEFAULT_REGION = "us-east-1";

    public static AwsSettings resolve(String profileFlag, String regionFlag, String endpointFlag,
                                      Duration readTimeout, Duration connectTimeout, Map<String, String> env) {
        SdkEnvironment.check(env); // before a client is built: the SDK reads these itself
        boolean profileFromFlag = firstPresent(profileFlag).isPresent();
        Optional<String> profile = firstPresent(profileFlag, env.get("AWS_PROFILE"));
        Optional<Named> endpointSetting = first(new Named("--endpoint-url", endpointFlag),
                new Named("AWS_ENDPOINT_URL_SQS", env.get("AWS_ENDPOINT_URL_SQS")),
                new Named("AWS_ENDPOINT_URL", env.get("AWS_ENDPOINT_URL")));
        Optional<URI> endpoint = endpointSetting.map(AwsSettings::endpointUri);
        Optional<Named> regionSetting = first(new Named("--region", regionFlag),
                new Named("AWS_REGION", env.get("AWS_REGION")), new Named("AWS_DEFAULT_REGION", env.get("AWS_DEFAULT_REGION")));
        if (regionSetting.isEmpty()) {
            String name = profile.orElse("default");
            regionSetting = profileRegion(name, env).map(r -> new Named("the region of profile '" + name + "'", r));
        }
        Optional<String> region = regionSetting.map(AwsSettings::region);
        return new AwsSettings(profile, profileFromFlag, region, endpoint,
                endpointSetting.map(Named::source).orElse(null), readTimeout, connectTimeout, env);
    }

    /** A setting and where it came from (an option, a variable, a profile), for the line that refuses it. */
    private record Named(String source, String value) {
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

    /** http or https with a host: anything else the SDK refused only at the first call, as exit 3. */
    private static URI endpointUri(Named setting) {
        String value = setting.value();
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw RedriveException.usage("bad endpoint URL in " + setting.source() + ": '" + value + "' (it takes an"
                + " http:// or https:// URL with a host, e.g. http://localhost:9324)");
    }

    /** A region goes into the endpoint's host name: '../../etc' came back from the SDK as "invalid URI", exit 3. */
    private static String region(Named setting) {
        if (!QueueRef.isRegion(setting.value())) {
            throw RedriveException.usage("bad region in " + setting.source() + ": '" + setting.value() + "' (it takes"
                    + " a region's name: lowercase letters, digits and hyphens, e.g. eu-west-1)");
        }
        return setting.value();
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

    private static Optional<Named> first(Named... settings) {
        for (Named s : settings) {
            if (s.value() != null && !s.value().isBlank()) {
                return Optional.of(new Named(s.source(), s.value().strip()));
            }
        }
        return Optional.empty();
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
