package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile without credentials ends the command with one line naming the profile and region tried.
 * Credentials are looked for before any connection, so the endpoint is a port nobody listens on.
 */
class MissingCredentialsTest {

    @TempDir
    Path stateDir;

    @Test
    void aProfileWithoutCredentialsIsOneLineNamingItAndTheRegionAndExitThree() throws IOException {
        Map<String, String> env = Redrive.baseEnv(stateDir); // its keys do not count once --profile is given
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        RunResult r = Redrive.run(env, "list", "orders-dlq", "--profile", "nobody", "--region", "eu-west-2",
                "--endpoint-url", "http://127.0.0.1:" + closedPort);

        r.assertExitCode(3);
        assertThat(r.errLines()).as(r.toString()).containsExactly("redrive: no AWS credentials found for profile"
                + " 'nobody' in region eu-west-2: run 'aws configure' or 'aws sso login', pass --profile, or set"
                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        assertThat(r.out()).isEmpty();
    }
}
