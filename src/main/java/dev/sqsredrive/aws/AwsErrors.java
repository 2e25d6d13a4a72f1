package dev.sqsredrive.aws;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into one line an operator can act on, naming the thing that failed. */
public final class AwsErrors {

    private static final Set<String> NOT_FOUND = Set.of(
            "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "ResourceNotFoundException");
    private static final Set<String> DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "InvalidSecurity", "KMS.AccessDeniedException", "AuthFailure");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired");
    private static final Set<String> THROTTLED = Set.of(
            "RequestThrottled", "ThrottlingException", "Throttling", "KMS.ThrottlingException");

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");

    private AwsErrors() {
    }

    /**
     * @param subject what the call was about, e.g. "queue 'orders-dlq'" or "task 'AQID...'"
     */
    public static RedriveException translate(SdkException e, String subject) {
        return RedriveException.aws(describe(e, subject), e);
    }

    /** True when SQS said the queue does not exist, whichever spelling the endpoint uses. */
    public static boolean isNotFound(Throwable e) {
        return e instanceof AwsServiceException && NOT_FOUND.contains(errorCode(e));
    }

    /** True for an error code that says the call was throttled, and so not carried out. */
    public static boolean isThrottlingCode(String code) {
        return THROTTLED.contains(code);
    }

    /** Errors that a later attempt may not meet: throttling and server faults. Sender faults are final. */
    public static boolean isRetryable(Throwable e) {
        if (e instanceof AwsServiceException ase) {
            String code = errorCode(ase);
            return THROTTLED.contains(code) || ase.statusCode() >= 500 || ase.isThrottlingException();
        }
        return e instanceof SdkClientException;
    }

    /**
     * The error code SQS answered, or "" when there is none. An answer in the query protocol's XML form (from an
     * endpoint, or a proxy in front of it, that speaks it whatever the request) leaves the JSON client without a
     * code: it is read from the XML's {@code <Code>} then, so XML throttling is retried like JSON throttling.
     */
    public static String errorCode(Throwable e) {
        if (!(e instanceof AwsServiceException ase) || ase.awsErrorDetails() == null) {
            return "";
        }
        String code = ase.awsErrorDetails().errorCode();
        if (code != null && !code.isBlank()) {
            return code;
        }
        var raw = ase.awsErrorDetails().rawResponse();
        Matcher xml = raw == null ? null : XML_CODE.matcher(raw.asUtf8String());
        return xml != null && xml.find() ? xml.group(1).strip() : "";
    }

    static String describe(SdkException e, String subject) {
        if (e instanceof AwsServiceException ase) {
            String code = errorCode(ase);
            String message = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorMessage();
            // The server's own words, on the one line an error gets (some messages span several).
            String detail = (message == null || message.isBlank() ? "" : ": " + message.strip().replaceAll("\\s+", " "))
                    + " (" + code + ")";
            if (NOT_FOUND.contains(code)) {
                return subject + " does not exist (" + code + "); 'redrive list' shows the DLQs of this region";
            }
            if (EXPIRED.contains(code)) {
                return "AWS credentials have expired (" + code + "): refresh them (e.g. 'aws sso login') and retry";
            }
            if (DENIED.contains(code)) {
                return "access denied to " + subject + detail;
            }
            if (THROTTLED.contains(code) || ase.isThrottlingException()) {
                return "throttled by SQS on " + subject + ", still after " + SqsClients.MAX_ATTEMPTS
                        + " attempts (" + code + "); retry later or lower --rate";
            }
            if (ase.statusCode() >= 500) {
                return "SQS failed on " + subject + " with HTTP " + ase.statusCode() + detail;
            }
            return "SQS refused " + subject + detail;
        }
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
            return "no answer from SQS in time on " + subject + "; check --endpoint-url or raise --cli-read-timeout";
        }
        Throwable root = rootCause(e);
        if (root instanceof ConnectException || root instanceof UnknownHostException) {
            return "cannot reach SQS for " + subject + ": " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " " + root.getMessage());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("Unable to load credentials")) {
            return noCredentials("");
        }
        return "call to SQS failed for " + subject + ": " + firstLine(message);
    }

    /** @param tried what was looked for, e.g. " for profile 'ops' in region eu-west-1", or empty */
    static String noCredentials(String tried) {
        return "no AWS credentials found" + tried + ": run 'aws configure' or 'aws sso login', pass --profile,"
                + " or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
