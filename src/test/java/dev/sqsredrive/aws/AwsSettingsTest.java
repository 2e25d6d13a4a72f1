package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where settings come from, in the AWS CLI's order: flag, then environment, then the profile. */
class AwsSettingsTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void profileFile() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [default]
                region = eu-north-1

                [profile ops]
                region = ap-northeast-1
                """);
        env.put("AWS_CONFIG_FILE", config.toString());
    }

    private AwsSettings resolve(String profile, String region, String endpoint) {
        return AwsSettings.resolve(profile, region, endpoint, Duration.ofSeconds(30), Duration.ofSeconds(10), env);
    }

    @Test
    void regionFromFlagThenAwsRegionThenAwsDefaultRegionThenTheProfile() {
        env.put("AWS_REGION", "us-west-2");
        env.put("AWS_DEFAULT_REGION", "eu-west-3");
        assertThat(resolve(null, "sa-east-1", null).region()).contains("sa-east-1");
        assertThat(resolve(null, null, null).region()).contains("us-west-2");
        env.remove("AWS_REGION");
        assertThat(resolve(null, null, null).region()).contains("eu-west-3");
        env.remove("AWS_DEFAULT_REGION");
        assertThat(resolve(null, null, null).region()).contains("eu-north-1");
        env.put("AWS_REGION", " ");
        assertThat(resolve(null, null, null).region()).as("blank counts as unset").contains("eu-north-1");
    }

    @Test
    void theProfileFromFlagThenAwsProfileDecidesWhichRegionTheProfileFileGives() {
        env.put("AWS_PROFILE", "ops");
        AwsSettings fromEnv = resolve(null, null, null);
        assertThat(fromEnv.profile()).contains("ops");
        assertThat(fromEnv.profileFromFlag()).as("keys in the environment still win over AWS_PROFILE").isFalse();
        assertThat(fromEnv.region()).contains("ap-northeast-1");

        AwsSettings fromFlag = resolve("default", null, null);
        assertThat(fromFlag.profile()).contains("default");
        assertThat(fromFlag.profileFromFlag()).as("--profile wins over keys in the environment").isTrue();
        assertThat(fromFlag.region()).contains("eu-north-1");

        assertThat(resolve("nobody", null, null).region()).isEmpty();
    }

    @Test
    void anUnreadableProfileFileLeavesTheRegionUnsetInsteadOfFailing() {
        env.put("AWS_CONFIG_FILE", dir.resolve("missing").toString());
        AwsSettings s = resolve(null, null, null);
        assertThat(s.region()).isEmpty();
        assertThatThrownBy(s::requireRegion).isInstanceOf(RedriveException.class)
                .hasMessageContaining("no AWS region").hasMessageContaining("--region");
    }

    @Test
    void endpointFromFlagThenAwsEndpointUrlSqsThenAwsEndpointUrl() {
        env.put("AWS_ENDPOINT_URL", "http://general:4566");
        env.put("AWS_ENDPOINT_URL_SQS", "http://sqs-only:9324");
        assertThat(resolve(null, null, "http://flag:1").endpoint()).contains(URI.create("http://flag:1"));
        assertThat(resolve(null, null, null).endpoint()).contains(URI.create("http://sqs-only:9324"));
        env.remove("AWS_ENDPOINT_URL_SQS");
        assertThat(resolve(null, null, null).endpoint()).contains(URI.create("http://general:4566"));
        env.remove("AWS_ENDPOINT_URL");
        assertThat(resolve(null, null, null).endpoint()).isEmpty();
    }

    @Test
    void aMalformedEndpointIsAUsageError() {
        assertThatThrownBy(() -> resolve(null, null, "localhost:9324"))
                .isInstanceOfSatisfying(RedriveException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedriveException.Kind.USAGE))
                .hasMessageContaining("bad endpoint URL in --endpoint-url: 'localhost:9324'");
    }

    @Test
    void aQueueIsCalledInTheRegionItsArnOrUrlNamesWhateverTheConfiguredRegion() {
        AwsSettings s = resolve(null, "eu-west-1", null);
        assertThat(s.regionFor(QueueRef.parse("arn:aws:sqs:us-east-2:123456789012:q"))).isEqualTo("us-east-2");
        assertThat(s.regionFor(QueueRef.parse("https://queue.amazonaws.com/123456789012/q"))).isEqualTo("us-east-1");
        assertThat(s.regionFor(QueueRef.parse("q"))).isEqualTo("eu-west-1");
        assertThat(s.regionFor(QueueRef.parse("http://localhost:9324/000000000000/q"))).isEqualTo("eu-west-1");
    }

    @Test
    void aLocalEndpointWithoutAnyRegionGetsAPlaceholderRegion() {
        env.put("AWS_CONFIG_FILE", dir.resolve("missing").toString());
        AwsSettings local = resolve(null, null, "http://localhost:9324");
        assertThat(local.requireRegion()).isEqualTo("us-east-1");
        assertThat(local.regionFor(QueueRef.parse("q"))).isEqualTo("us-east-1");

        AwsSettings aws = resolve(null, null, null);
        assertThatThrownBy(() -> aws.regionFor(QueueRef.parse("q"))).hasMessageContaining("no AWS region")
                .hasMessageContaining("give the queue as an ARN");
    }
}
