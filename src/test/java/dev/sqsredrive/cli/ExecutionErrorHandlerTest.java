package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.util.Map;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Whatever a command throws becomes one line on stderr and a documented exit code. */
class ExecutionErrorHandlerTest {

    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(String... args) {
        Context context = new Context(Map.of(), Clock.systemUTC(), Ticker.system(), Sleeper.real(), false,
                new BufferedReader(new StringReader("")));
        CommandLine cmd = Cli.create(context, new PrintWriter(new StringWriter()), new PrintWriter(err));
        cmd.parseArgs(args);
        return cmd;
    }

    private int handle(Exception e, String... args) throws Exception {
        CommandLine cmd = commandLine(args);
        return cmd.getExecutionExceptionHandler().handleExecutionException(e, cmd, null);
    }

    @Test
    void eachKindOfFailureHasItsExitCode() {
        assertThat(ExecutionErrorHandler.classify(RedriveException.usage("bad")))
                .isEqualTo(new ExecutionErrorHandler.Failure("bad", ExitCode.USAGE));
        assertThat(ExecutionErrorHandler.classify(RedriveException.aws("refused", null)).code()).isEqualTo(ExitCode.AWS);
        assertThat(ExecutionErrorHandler.classify(new RedriveException(RedriveException.Kind.INTERRUPTED, "stop"))
                .code()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(ExecutionErrorHandler.classify(new RedriveException(RedriveException.Kind.UNEXPECTED, "bug"))
                .code()).isEqualTo(ExitCode.ERROR);
        assertThat(ExecutionErrorHandler.classify(RedriveException.state("state directory /x: not a directory", null)))
                .isEqualTo(new ExecutionErrorHandler.Failure("state directory /x: not a directory", ExitCode.STATE));
        assertThat(ExecutionErrorHandler.classify(new InterruptedException()))
                .isEqualTo(new ExecutionErrorHandler.Failure("interrupted", ExitCode.INTERRUPTED));
        assertThat(ExecutionErrorHandler.classify(new UncheckedIOException("cannot write task record", new IOException())))
                .isEqualTo(new ExecutionErrorHandler.Failure("cannot write task record", ExitCode.ERROR));
    }

    @Test
    void anSdkExceptionThatEscapedTranslationIsStillExitThreeInOneLine() {
        SqsException throttled = (SqsException) SqsException.builder().statusCode(400).message("Rate exceeded")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestThrottled").build()).build();
        var f = ExecutionErrorHandler.classify(throttled);
        assertThat(f.code()).isEqualTo(ExitCode.AWS);
        assertThat(f.message()).startsWith("throttled by SQS on the request");

        var timeout = ExecutionErrorHandler.classify(ApiCallAttemptTimeoutException.create(1000));
        assertThat(timeout.code()).isEqualTo(ExitCode.AWS);
        assertThat(timeout.message()).contains("no answer from SQS in time");

        var refused = ExecutionErrorHandler.classify(SdkClientException.builder().message("Unable to execute")
                .cause(new ConnectException("Connection refused")).build());
        assertThat(refused).isEqualTo(new ExecutionErrorHandler.Failure(
                "cannot reach SQS for the request: ConnectException Connection refused", ExitCode.AWS));
    }

    @Test
    void aBugIsExitOneAndSaysHowToGetTheStackTrace() {
        var f = ExecutionErrorHandler.classify(new IllegalStateException("boom"));
        assertThat(f.code()).isEqualTo(ExitCode.ERROR);
        assertThat(f.message()).isEqualTo("unexpected error: java.lang.IllegalStateException: boom"
                + " (run again with --debug for the stack trace)");
    }

    @Test
    void printsOneLineWithoutAStackTrace() throws Exception {
        int code = handle(RedriveException.aws("queue 'q' does not exist", null), "list", "q");
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("redrive: queue 'q' does not exist" + System.lineSeparator());
    }

    @Test
    void printsTheStackTraceWithDebugWhereverItWasTyped() throws Exception {
        int code = handle(new IllegalStateException("boom"), "list", "q", "--debug");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("redrive: unexpected error: java.lang.IllegalStateException: boom")
                .contains("\tat dev.sqsredrive.cli.ExecutionErrorHandlerTest");
    }
}
