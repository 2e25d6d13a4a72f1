package dev.sqsredrive.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Says where credentials were looked for when none were found: the SDK's own message lists provider
 * classes, while an operator needs the profile and region that were tried. The SDK keeps this as the
 * cause of its exception, where {@link AwsErrors} finds it.
 */
public final class CredentialsNotFound extends RuntimeException {

    CredentialsNotFound(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A provider that, failing, names the profile and region it was for.
     *
     * @param profile the profile named by --profile or AWS_PROFILE; null when none was (the SDK's default)
     */
    static AwsCredentialsProvider naming(AwsCredentialsProvider delegate, String profile, String region) {
        return () -> {
            try {
                return delegate.resolveCredentials();
            } catch (SdkClientException e) {
                String message = message(profile, region);
                throw SdkClientException.builder().message(message).cause(new CredentialsNotFound(message, e)).build();
            }
        };
    }

    static String message(String profile, String region) {
        String flag = profile == null ? "" : " --profile " + profile;
        return "no AWS credentials found for profile '" + (profile == null ? "default" : profile) + "' (region "
                + region + "): run 'aws configure" + flag + "' or 'aws sso login" + flag + "', "
                + (profile == null ? "pass --profile" : "pass another --profile")
                + ", or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
    }
}
