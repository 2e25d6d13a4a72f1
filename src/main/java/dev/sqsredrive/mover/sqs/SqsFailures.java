package dev.sqsredrive.mover.sqs;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.mover.CallFailure;
import dev.sqsredrive.mover.CallFailures;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What the SDK's exceptions mean to the mover. Throttling, server faults and lost connections are worth
 * retrying; an error answer means SQS did not carry the call out, anything else (a timeout, a reset) is no
 * answer: the call may have been carried out anyway.
 */
public final class SqsFailures implements CallFailures {

    public static final SqsFailures INSTANCE = new SqsFailures();

    private SqsFailures() {
    }

    @Override
    public CallFailure classify(RuntimeException e) {
        if (!(e instanceof SdkException)) {
            return null;
        }
        boolean noAnswer = !(e instanceof AwsServiceException);
        CallFailure.Type type;
        if (!AwsErrors.isRetryable(e)) {
            type = CallFailure.Type.REFUSED;
        } else if (noAnswer) {
            type = CallFailure.Type.NO_ANSWER;
        } else if (((AwsServiceException) e).statusCode() >= 500) {
            type = CallFailure.Type.SERVER_ERROR;
        } else {
            type = CallFailure.Type.THROTTLED;
        }
        String code = AwsErrors.errorCode(e);
        return new CallFailure(type, code.isEmpty() ? e.getClass().getSimpleName() : code, e.getMessage(), noAnswer);
    }

    @Override
    public String describe(RuntimeException e, String subject) {
        return e instanceof SdkException sdk ? AwsErrors.translate(sdk, subject).getMessage()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
