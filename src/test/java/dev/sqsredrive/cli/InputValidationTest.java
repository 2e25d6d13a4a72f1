package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input the tool refuses before calling AWS. The endpoint here refuses every connection, so a check that
 * ran only after an AWS call would end with exit 3 ("cannot reach SQS") instead of the usage error.
 */
class InputValidationTest {

    @TempDir
    Path stateDir;

    private Map<String, String> env() {
        Map<String, String> env = Redrive.baseEnv(stateDir);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        return env;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            start orders-dlq --rate 0                                   | --rate 0 is out of range
            start orders-dlq --rate 501 --mode native                   | --rate 501 is not a whole number from 1 to 500
            start orders-dlq --concurrency 0 --mode client              | --concurrency
            start orders-dlq --rate -5                                  | 1 to 500
            list orders-dlq --max 0                                     | --max 0 is out of range
            list orders-dlq --max 11                                    | --max 11 is out of range
            list --max 3                                                | --max goes with SOURCE
            start orders-dlq --to orders-dlq                            | same queue
            start orders-dlq.fifo --to orders                           | 'orders-dlq.fifo' is a FIFO queue but 'orders' is standard
            start orders-dlq --to orders.fifo                           | 'orders-dlq' is a standard queue but 'orders.fifo' is FIFO
            start arn:aws:sqs:us-east-1:123456789012:dlq --to https://sqs.us-east-1.amazonaws.com/123456789012/o.fifo | same type
            start orders/dlq                                            | bad queue name 'orders/dlq'
            start aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | 1 to 80
            list arn:aws:sns:us-east-1:123456789012:topic               | not an SQS queue ARN
            list arn:aws:sqs:us-east-1:12345:dlq                        | bad account id '12345'
            watch arn:aws:sqs:us-east-1:123456789012                    | not an SQS queue ARN
            cancel --source ftp://sqs.us-east-1.amazonaws.com/123456789012/dlq | not a queue URL
            start https://sqs.us-east-1.amazonaws.com/dlq               | the path must be /ACCOUNT/QUEUE
            start orders-dlq --to https://sqs.us-east-1.amazonaws.com/123456789012/a/b | the path must be /ACCOUNT/QUEUE
            """)
    void isRefusedWithOneLineAndExitTwoBeforeAnyAwsCall(String commandLine, String expected) {
        RunResult r = Redrive.run(env(), commandLine.split(" ")).assertExitCode(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("redrive: ").contains(expected);
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            watch orders-dlq --interval 0s           | '0s' must be longer than zero
            watch orders-dlq --timeout soon          | 'soon' is not a duration
            start orders-dlq --rate fast             | 'fast' is not a double
            list orders-dlq -o yaml                  | Invalid value for option '--output'
            cancel                                   | Missing required argument
            cancel some-handle --source orders-dlq   | mutually exclusive
            """)
    void malformedCommandLinesAreOneLineEndingWithWhereToReadMore(String commandLine, String expected) {
        RunResult r = Redrive.run(env(), commandLine.split(" ")).assertExitCode(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("redrive: ").contains(expected).contains("; try 'redrive ")
                .endsWith(" --help'");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
