package dev.sqsredrive.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.RedriveException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns whatever a command threw into one line on stderr and a documented exit code. */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        boolean debug = RedriveCommand.globalsOf(cmd).debug();
        Failure failure = classify(ex);
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("redrive: " + ControlChars.escaped(failure.message())).toString());
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return failure.code().code();
    }

    /** A one-line message and its exit code. */
    record Failure(String message, ExitCode code) {
    }

    static Failure classify(Throwable ex) {
        if (ex instanceof RedriveException re) {
            return new Failure(re.getMessage(), switch (re.kind()) {
                case USAGE -> ExitCode.USAGE;
                case AWS -> ExitCode.AWS;
                case INTERRUPTED -> ExitCode.INTERRUPTED;
                case UNEXPECTED -> ExitCode.ERROR;
                case STATE -> ExitCode.STATE;
            });
        }
        if (ex instanceof SdkException sdk) {
            return new Failure(AwsErrors.translate(sdk, "the request").getMessage(), ExitCode.AWS);
        }
        if (ex instanceof InterruptedException) {
            return new Failure("interrupted", ExitCode.INTERRUPTED);
        }
        if (ex instanceof UncheckedIOException io) {
            return new Failure(io.getMessage(), ExitCode.ERROR);
        }
        return new Failure("unexpected error: " + ex + " (run again with --debug for the stack trace)",
                ExitCode.ERROR);
    }
}
