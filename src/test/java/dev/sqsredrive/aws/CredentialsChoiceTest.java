package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Whose keys a call is signed with, as the AWS CLI decides it: --profile, then keys in the environment,
 * then AWS_PROFILE. Every profile here holds static keys, so nothing is fetched from the network.
 */
class CredentialsChoiceTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void profiles() throws IOException {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, """
                [default]
                aws_access_key_id = DEFAULT_PROFILE_KEY
                aws_secret_access_key = secret

                [ops]
                aws_access_key_id = OPS_PROFILE_KEY
                aws_secret_access_key = secret
                """);
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("HOME", dir.toString());
    }

    private void environmentKeys() {
        env.put("AWS_ACCESS_KEY_ID", "ENV_KEY");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
    }

    private AwsCredentials resolve(String profileFlag) {
        AwsSettings settings = AwsSettings.resolve(profileFlag, "eu-west-1", null, Duration.ofSeconds(30),
                Duration.ofSeconds(10), env);
        return CredentialsChoice.of(settings, "eu-west-1").resolveCredentials();
    }

    /** Where the SDK's default chain is asked, keys in this process's own environment would come first. */
    private static void assumeNoKeysInThisProcess() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null,
                "this JVM's environment holds AWS keys");
    }

    @Test
    void keysInTheEnvironmentWinOverAwsProfile() {
        environmentKeys();
        env.put("AWS_PROFILE", "ops");
        assertThat(resolve(null).accessKeyId()).isEqualTo("ENV_KEY");
    }

    @Test
    void anExplicitProfileFlagWinsOverKeysInTheEnvironment() {
        environmentKeys();
        env.put("AWS_PROFILE", "default");
        assertThat(resolve("ops").accessKeyId()).isEqualTo("OPS_PROFILE_KEY");
    }

    @Test
    void withoutKeysInTheEnvironmentAwsProfileNamesTheProfile() {
        assumeNoKeysInThisProcess();
        env.put("AWS_PROFILE", "ops");
        assertThat(resolve(null).accessKeyId()).isEqualTo("OPS_PROFILE_KEY");
    }

    @Test
    void withNothingNamedTheDefaultProfileIsUsed() {
        assumeNoKeysInThisProcess();
        assertThat(resolve(null).accessKeyId()).isEqualTo("DEFAULT_PROFILE_KEY");
    }

    @Test
    void aSessionTokenInTheEnvironmentGoesWithItsKeys() {
        environmentKeys();
        env.put("AWS_SESSION_TOKEN", "token");
        assertThat(resolve(null)).isInstanceOfSatisfying(AwsSessionCredentials.class,
                c -> assertThat(c.sessionToken()).isEqualTo("token"));
    }

    @Test
    void noCredentialsNamesTheProfileAndRegionThatWereTried() {
        environmentKeys(); // not used: --profile names the profile
        assertThatThrownBy(() -> resolve("nobody"))
                .isInstanceOfSatisfying(RedriveException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedriveException.Kind.AWS))
                .hasMessage("no AWS credentials found for profile 'nobody' in region eu-west-1: run 'aws configure'"
                        + " or 'aws sso login', pass --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
}
