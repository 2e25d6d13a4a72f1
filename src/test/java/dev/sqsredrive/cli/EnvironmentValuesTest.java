package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.SqsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values from the environment, or out of range, that the AWS SDK or a parser once turned into a stack trace's
 * last line and exit 1 or 3: each is one line naming the variable or option and what it takes, exit 2, and
 * no request reaches the endpoint (a stub that counts them). The SDK reads AWS_MAX_ATTEMPTS and its kin from
 * the process's own environment, so those cases run `redrive` as a real process.
 */
@Timeout(120)
class EnvironmentValuesTest {

    @TempDir
    Path state;

    private final SqsStub stub = SqsStub.answering(400, "AccessDenied", "no");

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void awsMaxAttemptsThatIsNoNumber() {
        RunResult r = inProcess(Map.of("AWS_MAX_ATTEMPTS", "abc"), "list", "dlq");

        assertOneLine(r, "AWS_MAX_ATTEMPTS", "whole number");
    }

    @Test
    void sdkSwitchesWithValuesTheSdkRefuses() {
        assertOneLine(inProcess(Map.of("AWS_USE_FIPS_ENDPOINT", "maybe"), "list", "dlq"), "AWS_USE_FIPS_ENDPOINT",
                "true or false");
        assertOneLine(inProcess(Map.of("AWS_DEFAULTS_MODE", "fast"), "list", "dlq"), "AWS_DEFAULTS_MODE", "standard");
    }

    @Test
    void anEndpointOfAnotherSchemeFromTheEnvironment() {
        RunResult r = run(Map.of("AWS_ENDPOINT_URL", "ftp://127.0.0.1:20101"), "list", "dlq");

        assertOneLine(r, "AWS_ENDPOINT_URL", "http");
    }

    @Test
    void anEndpointOfAnotherSchemeAsAnOption() {
        RunResult r = run(Map.of(), "list", "dlq", "--endpoint-url", "ftp://127.0.0.1:20101");

        assertOneLine(r, "--endpoint-url", "http");
    }

    @Test
    void aRegionThatIsAPath() {
        assertOneLine(run(Map.of(), "list", "dlq", "--region", "../../etc"), "--region", "eu-west-1");
        assertOneLine(run(Map.of("AWS_REGION", "../../etc"), "list", "dlq"), "AWS_REGION", "eu-west-1");
    }

    @Test
    void aLimitTooLargeForAnyCount() {
        RunResult r = run(Map.of(), "start", "dlq", "--limit", "99999999999999999999", "--mode", "client");

        assertOneLine(r, "--limit", "whole number");
    }

    @Test
    void anAgeFilterThatOverflows() {
        RunResult r = run(Map.of(), "start", "dlq", "--filter", "age>9999999999999999d", "--mode", "client");

        assertOneLine(r, "--filter", "at most");
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = Redrive.baseEnv(state);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", stub.endpoint().toString());
        env.putAll(extra);
        return env;
    }

    private RunResult run(Map<String, String> extra, String... args) {
        return Redrive.run(env(extra), args);
    }

    private RunResult inProcess(Map<String, String> extra, String... args) {
        try (RedriveProcess p = RedriveProcess.start(env(extra), state, args)) {
            return p.await(60);
        }
    }

    private void assertOneLine(RunResult r, String names, String accepted) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("redrive: ").contains(names).contains(accepted);
        assertThat(stub.calls()).as("requests that reached the endpoint; " + r).isZero();
    }
}
