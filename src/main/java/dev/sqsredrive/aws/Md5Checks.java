package dev.sqsredrive.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The SDK's MD5 checks of what SQS says it received and sent, in place of its {@code
 * MessageMD5ChecksumInterceptor} (turned off in {@link SqsClients}), hashing each message once instead of twice
 * (docs/PERFORMANCE.md, "CPU per message (issue 20)"). A receive is checked as the SDK does: a body or
 * attributes that do not hash to the MD5s SQS sent along fail the whole call. A send is checked against what
 * the caller vouches for ({@link #RECEIVED}: the MD5s of a received message it sends unchanged, already checked
 * on receive), else against the hash of what was sent; a batch entry whose answer does not match becomes a
 * failed entry ({@link #MISMATCH}) instead of failing the whole batch: SQS stored a copy, but not one the
 * answer vouches for.
 */
public final class Md5Checks implements ExecutionInterceptor {

    /**
     * Of a SendMessageBatch: entry id to the fingerprint ({@link MessageMd5#fingerprint}) that entry's body and
     * message attributes had when received; an entry sent as received needs no hashing.
     */
    public static final ExecutionAttribute<Map<String, String>> RECEIVED = new ExecutionAttribute<>("ReceivedMd5s");

    /**
     * Of a SendMessageBatch, filled in by the check: entry id to the MessageId SQS gave each entry whose answer
     * does not match. SQS stored a copy under that id, and it may dead-letter back: the one-pass rule must know
     * it (docs/MOVER.md, "Safe redrive"), though the entry is reported failed.
     */
    public static final ExecutionAttribute<Map<String, String>> MISMATCHED_GIVEN =
            new ExecutionAttribute<>("MismatchedGivenIds");

    /** The code of a batch entry whose answer's MD5s do not match what was sent. */
    public static final String MISMATCH = "MD5Mismatch";

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (response instanceof ReceiveMessageResponse received) {
            for (Message m : received.messages()) {
                String problem = receiveProblem(m);
                if (problem != null) {
                    throw SdkClientException.create(problem);
                }
            }
        } else if (response instanceof SendMessageResponse sent && context.request() instanceof SendMessageRequest r) {
            String problem = problem(MessageMd5.body(r.messageBody()), sent.md5OfMessageBody(), "message body");
            if (problem == null && r.hasMessageAttributes() && !r.messageAttributes().isEmpty()) {
                problem = problem(MessageMd5.attributes(r.messageAttributes()), sent.md5OfMessageAttributes(),
                        "message attributes");
            }
            if (problem != null) {
                throw SdkClientException.create(problem);
            }
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof SendMessageBatchResponse answer)
                || !(context.request() instanceof SendMessageBatchRequest request)) {
            return context.response();
        }
        Map<String, String> received = attributes.getAttribute(RECEIVED);
        Map<String, String> mismatchedGiven = attributes.getAttribute(MISMATCHED_GIVEN);
        Map<String, SendMessageBatchRequestEntry> sent = new HashMap<>();
        request.entries().forEach(e -> sent.put(e.id(), e));
        List<SendMessageBatchResultEntry> ok = new ArrayList<>(answer.successful().size());
        List<BatchResultErrorEntry> failed = new ArrayList<>(answer.failed());
        for (SendMessageBatchResultEntry e : answer.successful()) {
            String problem = sendProblem(sent.get(e.id()), received == null ? null : received.get(e.id()), e);
            if (problem == null) {
                ok.add(e);
            } else {
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code(MISMATCH).senderFault(false)
                        .message(problem + " (MessageId " + e.messageId() + ")").build());
                if (mismatchedGiven != null && e.messageId() != null) {
                    mismatchedGiven.put(e.id(), e.messageId());
                }
            }
        }
        return failed.size() == answer.failed().size() ? answer
                : answer.toBuilder().successful(ok).failed(failed).build();
    }

    /** Null when the body and the message attributes hash to the MD5s SQS sent along. */
    static String receiveProblem(Message m) {
        String problem = problem(MessageMd5.body(m.body()), m.md5OfBody(), "message body");
        if (problem == null && m.hasMessageAttributes() && !m.messageAttributes().isEmpty()) {
            problem = problem(MessageMd5.attributes(m.messageAttributes()), m.md5OfMessageAttributes(),
                    "message attributes");
        }
        return problem;
    }

    /** Null when the answer vouches for what was sent: the receive's MD5s when it was sent as received. */
    static String sendProblem(SendMessageBatchRequestEntry sent, String receivedFingerprint,
                              SendMessageBatchResultEntry answer) {
        if (sent == null) {
            return "SQS answered for an entry that was not sent";
        }
        String answered = MessageMd5.fingerprint(answer.md5OfMessageBody(), answer.md5OfMessageAttributes());
        String expected = receivedFingerprint != null ? receivedFingerprint : MessageMd5.fingerprint(
                MessageMd5.body(sent.messageBody()),
                sent.hasMessageAttributes() ? MessageMd5.attributes(sent.messageAttributes()) : null);
        String problem = problem(expected, answered, "message body and attributes");
        if (problem == null && sent.hasMessageSystemAttributes() && !sent.messageSystemAttributes().isEmpty()
                && answer.md5OfMessageSystemAttributes() != null) {
            problem = problem(MessageMd5.systemAttributes(sent.messageSystemAttributesAsStrings()),
                    answer.md5OfMessageSystemAttributes(), "message system attributes");
        }
        return problem;
    }

    private static String problem(String expected, String returned, String what) {
        return expected.equals(returned) ? null : String.format("MD5 returned by SQS does not match the calculation"
                + " on the original request. (MD5 calculated by the %s: \"%s\", MD5 checksum returned: \"%s\")",
                what, expected, returned);
    }
}
