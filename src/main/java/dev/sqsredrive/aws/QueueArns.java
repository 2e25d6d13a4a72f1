package dev.sqsredrive.aws;

/**
 * The parts of a queue ARN ({@code arn:PARTITION:sqs:REGION:ACCOUNT:NAME}) that the tool reads out of ARNs
 * SQS gave it. User input is parsed and checked by {@link QueueRef}; these only take apart ARNs known to
 * be well formed.
 */
public final class QueueArns {

    private QueueArns() {
    }

    public static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    public static String region(String arn) {
        return arn.split(":", -1)[3];
    }

    public static String accountId(String arn) {
        return arn.split(":", -1)[4];
    }
}
