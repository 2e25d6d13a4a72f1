package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** SDK failures as the SDK really builds them, turned into one line that names the queue and the cause. */
class AwsErrorsTest {

    static final String QUEUE = "queue 'orders-dlq'";

    static SqsException sqs(int status, String code, String message) {
        return (SqsException) SqsException.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Sqs").errorCode(code).errorMessage(message)
                        .build())
                .build();
    }

    static String describe(SdkException e) {
        RedriveException translated = AwsErrors.translate(e, QUEUE);
        assertThat(translated.kind()).isEqualTo(RedriveException.Kind.AWS);
        assertThat(translated.getCause()).isSameAs(e);
        assertThat(translated.getMessage()).doesNotContain("\n");
        return translated.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "ResourceNotFoundException"})
    void everySpellingOfNotFoundSaysTheQueueDoesNotExist(String code) {
        SqsException e = sqs(400, code, "The specified queue does not exist.");
        assertThat(AwsErrors.isNotFound(e)).isTrue();
        assertThat(describe(e)).isEqualTo(QUEUE + " does not exist (" + code
                + "); 'redrive list' shows the DLQs of this region");
    }

    @Test
    void accessDeniedNamesTheQueueAndKeepsTheServersReason() {
        String m = describe(sqs(403, "AccessDenied", "User: arn:aws:iam::1:user/x is not authorized to perform"
                + " sqs:StartMessageMoveTask\n on resource"));
        assertThat(m).startsWith("access denied to " + QUEUE + ": User: arn:aws:iam::1:user/x is not authorized")
                .endsWith("(AccessDenied)");
        assertThat(AwsErrors.isRetryable(sqs(403, "AccessDenied", "no"))).isFalse();
    }

    @Test
    void expiredCredentialsSayHowToRefreshThem() {
        assertThat(describe(sqs(403, "ExpiredToken", "The security token included in the request is expired")))
                .isEqualTo("AWS credentials have expired (ExpiredToken): refresh them (e.g. 'aws sso login') and retry");
    }

    @Test
    void throttlingPastTheRetriesSaysSoAndWhatToDo() {
        SqsException e = sqs(400, "RequestThrottled", "Rate exceeded");
        assertThat(AwsErrors.isRetryable(e)).isTrue();
        assertThat(describe(e)).isEqualTo("throttled by SQS on " + QUEUE + ", still after " + SqsClients.MAX_ATTEMPTS
                + " attempts (RequestThrottled); retry later or lower --rate");
        assertThat(describe(sqs(429, "TooManyRequests", "slow down"))).startsWith("throttled by SQS on " + QUEUE);
    }

    @Test
    void aServerFaultGivesTheHttpStatus() {
        SqsException e = sqs(500, "InternalError", "We encountered an internal error.");
        assertThat(AwsErrors.isRetryable(e)).isTrue();
        assertThat(describe(e)).isEqualTo("SQS failed on " + QUEUE
                + " with HTTP 500: We encountered an internal error. (InternalError)");
    }

    @Test
    void anyOtherRefusalKeepsTheServersMessageAndCode() {
        SqsException e = sqs(400, "InvalidParameterValue", "Source queue must be configured as a Dead Letter Queue.");
        assertThat(AwsErrors.isRetryable(e)).isFalse();
        assertThat(AwsErrors.errorCode(e)).isEqualTo("InvalidParameterValue");
        assertThat(describe(e)).isEqualTo("SQS refused " + QUEUE
                + ": Source queue must be configured as a Dead Letter Queue. (InvalidParameterValue)");
    }

    @Test
    void aServiceExceptionOfAnotherServiceIsReadTheSameWay() {
        AwsServiceException e = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build()).build();
        assertThat(describe(e)).isEqualTo("access denied to " + QUEUE + " (AccessDeniedException)");
        assertThat(AwsErrors.isNotFound(e)).isFalse();
        assertThat(AwsErrors.isNotFound(new IllegalStateException())).isFalse();
    }

    @Test
    void timeoutsPointAtTheEndpointAndTheReadTimeout() {
        String expected = "no answer from SQS in time on " + QUEUE
                + "; check --endpoint-url or raise --cli-read-timeout";
        assertThat(describe(ApiCallAttemptTimeoutException.create(1000))).isEqualTo(expected);
        assertThat(describe(ApiCallTimeoutException.create(30000))).isEqualTo(expected);
    }

    @Test
    void anUnreachableEndpointNamesTheNetworkCause() {
        SdkClientException refused = SdkClientException.builder().message("Unable to execute HTTP request: refused")
                .cause(new ConnectException("Connection refused")).build();
        assertThat(AwsErrors.isRetryable(refused)).isTrue();
        assertThat(describe(refused)).isEqualTo("cannot reach SQS for " + QUEUE + ": ConnectException Connection refused");

        SdkClientException unknownHost = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new UnknownHostException("sqs.nowhere-1.amazonaws.com")).build();
        assertThat(describe(unknownHost)).isEqualTo("cannot reach SQS for " + QUEUE
                + ": UnknownHostException sqs.nowhere-1.amazonaws.com");
    }

    @Test
    void missingCredentialsSayWhereCredentialsCanComeFrom() {
        SdkClientException e = SdkClientException.create("Unable to load credentials from any of the providers in"
                + " the chain AwsCredentialsProviderChain(...)\nmore");
        assertThat(describe(e)).startsWith("no AWS credentials found: run 'aws configure' or 'aws sso login'");
    }

    @Test
    void anyOtherClientFailureKeepsOnlyTheFirstLineOfItsMessage() {
        assertThat(describe(SdkClientException.create("Unable to unmarshall response\n  at line 1")))
                .isEqualTo("call to SQS failed for " + QUEUE + ": Unable to unmarshall response");
    }
}
