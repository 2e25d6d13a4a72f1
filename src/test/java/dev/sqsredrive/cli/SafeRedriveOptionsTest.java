package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The safe-redrive options of `start`: bad values in one line with exit 2, and the mode they select. */
@Timeout(120)
class SafeRedriveOptionsTest extends ElasticMqCliTest {

    @TempDir
    Path offlineState;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            start orders-dlq --max-returned ten                 | Invalid value for option '--max-returned': 'ten' is not N (messages), P% (of those moved, 0% to 100%) or off
            start orders-dlq --max-returned 150%                | '150%' is more than 100%
            start orders-dlq --canary 0                         | --canary takes a positive number of messages, not 0
            start orders-dlq --canary-wait 30s                  | --canary-wait goes with --canary N
            start orders-dlq --max-backlog 0                    | --max-backlog takes a positive number of messages, not 0
            start orders-dlq --mode native --canary 5           | --mode native cannot do this: --canary needs the client-side mover
            start orders-dlq --mode native --max-backlog 9      | --mode native cannot do this: --max-backlog needs the client-side mover
            start orders-dlq --mode native --max-returned 5     | --max-returned needs --watch with a native task
            """)
    void badValuesAreRefusedInOneLineWithExitTwoBeforeAnyAwsCall(String commandLine, String expected) {
        Map<String, String> env = Redrive.baseEnv(offlineState);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        RunResult r = Redrive.run(env, commandLine.split(" ")).assertExitCode(2);
        assertThat(r.errLines().get(0)).as(r.toString()).startsWith("redrive: ").contains(expected);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void inAutoModeACanarySelectsTheClientSideMoverSayingWhyAndAppliesIt() {
        Queue dlq = queues.create("dlq");
        Queue orders = queues.createSourceOf("orders", dlq, false);
        queues.deadLetter(orders, dlq, 5, "m");

        RunResult r = redrive("start", dlq.name(), "--canary", "2", "--canary-wait", "1s", "--max-backlog", "100");

        assertThat(r.err()).as(r.toString()).contains("redrive: moving client-side: --canary needs the client-side"
                + " mover (a native move task cannot pause to watch); --max-backlog needs the client-side mover");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("canary: none of the 2 messages moved came back within 1 s: moving the rest");
        assertThat(queues.depth(dlq)).isZero();
        assertThat(queues.depth(orders)).isEqualTo(5);
    }
}
