package dev.sqsredrive.triage;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;

/**
 * What a scan costs the queue it reads. Every receive raises a message's ApproximateReceiveCount; in a DLQ
 * that has a RedrivePolicy of its own, SQS moves a message received more than maxReceiveCount times to
 * <em>that</em> policy's DLQ, so a scan could move messages out from under the operator. Refused unless asked
 * for, before anything is received.
 */
public final class ReceiveCountCheck {

    public static final String OPTION = "--allow-receive-count";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReceiveCountCheck() {
    }

    /** @throws RedriveException (usage) when the queue has a RedrivePolicy and {@code allowed} is false */
    public static void check(ResolvedQueue q, boolean allowed) {
        String policy = q.attributes().get("RedrivePolicy");
        if (allowed || policy == null || policy.isBlank()) {
            return;
        }
        String target = "its own DLQ";
        String max = "maxReceiveCount";
        try {
            JsonNode p = JSON.readTree(policy);
            target = p.hasNonNull("deadLetterTargetArn") ? QueueArns.name(p.get("deadLetterTargetArn").asText()) : target;
            max = p.hasNonNull("maxReceiveCount") ? p.get("maxReceiveCount").asText() : max;
        } catch (JacksonException | RuntimeException e) {
            // the policy's words are only for the message: the refusal stands either way
        }
        throw RedriveException.usage(q.name() + " has a RedrivePolicy of its own: every receive of a scan raises a"
                + " message's receive count, and one received more times than its maxReceiveCount (" + max + ") moves to " + target
                + "; nothing was received (give " + OPTION + " to scan it anyway)");
    }
}
