package dev.sqsredrive.mover.sqs;

import java.util.List;

import dev.sqsredrive.mover.BatchResult;

import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The four SQS calls the mover makes. A call that fails as a whole throws the SDK's exception; a call
 * that succeeds reports each entry. Kept as an interface so AWS-only behaviour that no local server
 * shows (per-entry throttling, sender faults) can be tested against the mover's own logic.
 */
public interface QueueOps {

    /** Receives with every message attribute and every system attribute. */
    List<Message> receive(String queueUrl, int max, int waitSeconds, int visibilityTimeoutSeconds);

    BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries);

    /**
     * A send whose entries' bodies and message attributes are as received: {@code received} maps an entry id to
     * its message's fingerprint, which the answer's MD5s must equal (no hash of what is sent is needed). An
     * entry whose answer does not match fails ({@link dev.sqsredrive.aws.Md5Checks#MISMATCH}).
     */
    default BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries,
                             java.util.Map<String, String> received) {
        return send(queueUrl, entries);
    }

    BatchResult delete(String queueUrl, List<DeleteMessageBatchRequestEntry> entries);

    BatchResult changeVisibility(String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries);

    /** ApproximateNumberOfMessages plus ApproximateNumberOfMessagesNotVisible: what the queue holds. */
    long approximateMessages(String queueUrl);

    /** ApproximateNumberOfMessages: what a consumer could receive now (--max-backlog). */
    default long visibleMessages(String queueUrl) {
        return approximateMessages(queueUrl);
    }

    /** The longest one attempt of a call waits for its answer (--cli-read-timeout), long polls aside. */
    default java.time.Duration attemptTimeout() {
        return java.time.Duration.ofSeconds(30);
    }

    /** Where the calls for this queue go, to name it when it does not answer. */
    default String endpoint(String queueUrl) {
        return queueUrl;
    }
}
