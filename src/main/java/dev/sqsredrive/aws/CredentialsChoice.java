package dev.sqsredrive.aws;

import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Whose credentials to call SQS with, in the AWS CLI's order: a --profile flag first; then keys in the
 * environment (AWS_ACCESS_KEY_ID, even when AWS_PROFILE is set: the CLI does the same); then AWS_PROFILE
 * or the default profile, SSO, container and instance roles through the SDK's default chain.
 */
final class CredentialsChoice {

    private CredentialsChoice() {
    }

    /** @param region only for the message when no credentials are found: the region is what was tried */
    static AwsCredentialsProvider of(AwsSettings settings, String region) {
        AwsCredentialsProvider chosen = choose(settings);
        return () -> {
            try {
                return chosen.resolveCredentials();
            } catch (SdkClientException e) {
                // The SDK lets this through to the command unchanged (CLI tests check it), one line that
                // says what was tried, where the chain's own message lists six providers.
                throw RedriveException.aws(AwsErrors.noCredentials(" for profile '" + settings.profileOrDefault()
                        + "' in region " + region), e);
            }
        };
    }

    private static AwsCredentialsProvider choose(AwsSettings settings) {
        Map<String, String> env = settings.env();
        ProfileFile profiles = ProfileFiles.of(env);
        if (settings.profileFromFlag()) {
            return ProfileCredentialsProvider.builder().profileFile(profiles)
                    .profileName(settings.profileOrDefault()).build();
        }
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key != null && secret != null) {
            String token = env.get("AWS_SESSION_TOKEN");
            AwsCredentials keys = token == null ? AwsBasicCredentials.create(key, secret)
                    : AwsSessionCredentials.create(key, secret, token);
            return StaticCredentialsProvider.create(keys);
        }
        var chain = DefaultCredentialsProvider.builder().profileFile(() -> profiles);
        settings.profile().ifPresent(chain::profileName);
        return chain.build();
    }
}
