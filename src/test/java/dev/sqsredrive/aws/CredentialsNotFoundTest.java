package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import org.junit.jupiter.api.Test;

class CredentialsNotFoundTest {

    private static final AwsCredentialsProvider NONE = () -> {
        throw SdkClientException.create("Unable to load credentials from any of the providers in the chain"
                + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...])");
    };

    @Test
    void namesTheProfileAndRegionTriedAndWhatToDo() {
        SdkClientException e = catchThrowableOfType(SdkClientException.class,
                () -> CredentialsNotFound.naming(NONE, "prod-admin", "eu-west-1").resolveCredentials());
        // The SDK may wrap what a provider throws; the translation looks through the causes.
        String line = AwsErrors.describe(SdkClientException.create("Unable to execute HTTP request", e), "queue 'x'");
        assertThat(line).isEqualTo("no AWS credentials found for profile 'prod-admin' (region eu-west-1): run"
                + " 'aws configure --profile prod-admin' or 'aws sso login --profile prod-admin', pass another"
                + " --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void withoutAProfileItSaysDefault() {
        assertThat(CredentialsNotFound.message(null, "us-east-1")).startsWith(
                "no AWS credentials found for profile 'default' (region us-east-1): run 'aws configure' or"
                        + " 'aws sso login', pass --profile,");
    }
}
