package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, version, usage errors, global options wherever they are typed, the environment. */
class CommandLineTest {

    @TempDir
    Path stateDir;

    private TestQueues queues;
    private Queue dlq;

    @BeforeEach
    void wire() {
        queues = TestQueues.elasticMq();
        dlq = queues.create("dlq");
        queues.createSourceOf("src", dlq, false);
    }

    @AfterEach
    void close() {
        queues.close();
    }

    /** Credentials and a state dir only: no region, no endpoint, so each test says where to go. */
    private Map<String, String> bareEnv() {
        return Redrive.baseEnv(stateDir);
    }

    private static String elasticMq() {
        return ElasticMq.endpoint().toString();
    }

    @Test
    void noCommandIsAUsageErrorWithTheUsageOnStderr() {
        RunResult r = Redrive.run(bareEnv()).assertExitCode(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: redrive").contains("Commands:");
    }

    @Test
    void anUnknownOptionIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"--bogus"}, {"list", "--bogus"}, {"start", "q", "--rat", "5"}}) {
            RunResult r = Redrive.run(bareEnv(), args).assertExitCode(2);
            assertThat(r.errLines().get(0)).as(r.toString()).startsWith("redrive: ").contains("Unknown option");
            assertThat(r.err()).doesNotContain("Usage:").doesNotContain("\tat ");
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.errLines().getLast()).contains("; try 'redrive").endsWith(" --help'");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void helpAndVersionExitZeroOnStdout() {
        RunResult help = Redrive.run(bareEnv(), "--help").assertExitCode(0);
        assertThat(help.out()).contains("Usage: redrive", "start", "list", "cancel", "watch", "Exit codes:");
        for (ExitCode c : ExitCode.values()) {
            assertThat(help.out()).contains(String.format("%3d   %s", c.code(), c.meaning().substring(0, 20)));
        }
        RunResult startHelp = Redrive.run(bareEnv(), "start", "--help").assertExitCode(0);
        assertThat(startHelp.out()).contains("--rate", "--to", "--watch", "--endpoint-url", "Exit codes:");
        RunResult helpCommand = Redrive.run(bareEnv(), "help", "watch").assertExitCode(0);
        assertThat(helpCommand.out()).contains("--timeout", "--interval");

        RunResult version = Redrive.run(bareEnv(), "--version").assertExitCode(0);
        assertThat(version.out()).startsWith("sqs-redrive ");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommandName() {
        RunResult before = Redrive.run(bareEnv(), "--endpoint-url", elasticMq(), "--region", ElasticMq.REGION,
                "-o", "json", "list", dlq.name()).assertExitCode(0);
        RunResult after = Redrive.run(bareEnv(), "list", dlq.name(), "--endpoint-url", elasticMq(),
                "--region", ElasticMq.REGION, "--output", "json").assertExitCode(0);
        RunResult mixed = Redrive.run(bareEnv(), "-o", "json", "list", "--endpoint-url=" + elasticMq(),
                dlq.name()).assertExitCode(0);

        // No task: no line (one JSON object per task, NDJSON), in whichever place -o was typed.
        assertThat(before.out()).isEmpty();
        assertThat(after.out()).isEmpty();
        assertThat(mixed.out()).isEmpty();
        assertThat(Redrive.run(bareEnv(), "list", dlq.name(), "--endpoint-url", elasticMq(), "--region",
                ElasticMq.REGION).assertExitCode(0).err()).contains("No move tasks.");
    }

    @Test
    void theEndpointComesFromTheFlagThenAwsEndpointUrlSqsThenAwsEndpointUrl() {
        String dead = "http://127.0.0.1:1";
        Map<String, String> env = bareEnv();
        env.put("AWS_ENDPOINT_URL", dead);
        env.put("AWS_ENDPOINT_URL_SQS", elasticMq());
        Redrive.run(env, "list", dlq.name(), "--cli-connect-timeout", "1").assertExitCode(0);

        env.put("AWS_ENDPOINT_URL_SQS", dead);
        Redrive.run(env, "list", dlq.name(), "--endpoint-url", elasticMq()).assertExitCode(0);

        env.remove("AWS_ENDPOINT_URL_SQS");
        env.put("AWS_ENDPOINT_URL", elasticMq());
        Redrive.run(env, "list", dlq.name()).assertExitCode(0);
    }

    @Test
    void verboseSaysWhichRegionAndEndpointWereResolvedFromTheEnvironment() {
        Map<String, String> env = bareEnv();
        env.put("AWS_ENDPOINT_URL", elasticMq());
        env.put("AWS_DEFAULT_REGION", "eu-west-3");
        RunResult fromDefault = Redrive.run(env, "list", dlq.name(), "-v").assertExitCode(0);
        assertThat(fromDefault.err()).contains("region: eu-west-3", "endpoint: " + elasticMq());

        env.put("AWS_REGION", "ap-south-1");
        RunResult fromRegion = Redrive.run(env, "list", dlq.name(), "--verbose").assertExitCode(0);
        assertThat(fromRegion.err()).contains("region: ap-south-1");

        RunResult fromFlag = Redrive.run(env, "--region", "sa-east-1", "list", dlq.name(), "-v").assertExitCode(0);
        assertThat(fromFlag.err()).contains("region: sa-east-1");

        RunResult quiet = Redrive.run(env, "list", dlq.name()).assertExitCode(0);
        assertThat(quiet.err()).doesNotContain("region:");
    }

    @Test
    void aDlqWithoutTasksListsNothingOnStdoutAndSaysSoOnStderr() {
        Map<String, String> env = bareEnv();
        env.put("AWS_ENDPOINT_URL", elasticMq());
        RunResult r = Redrive.run(env, "list", dlq.url()).assertExitCode(0);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("No move tasks.");
    }

    @Test
    void aBadEndpointUrlIsAUsageError() {
        RunResult r = Redrive.run(bareEnv(), "list", dlq.name(), "--endpoint-url", "localhost:9324")
                .assertExitCode(2);
        assertThat(r.errLines()).as(r.toString()).containsExactly(
                "redrive: bad endpoint URL in --endpoint-url: 'localhost:9324' (it takes an http:// or https:// URL"
                        + " with a host, e.g. http://localhost:9324)");
    }
}
