package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.aws.MessageMd5;
import dev.sqsredrive.mover.sqs.QueueOps;
import dev.sqsredrive.mover.sqs.SqsEndpoint;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A copy of a received message goes out with the receive's MD5s, which its send's answer must equal (no second
 * hash, aws/Md5Checks); a message from elsewhere (a file) has none, and its send is checked by hashing it.
 */
class SendVouchesTest {

    /** What the sink asked the queue to vouch for, by entry id. */
    private final Map<String, String> vouched = new HashMap<>();

    private final List<String> sentBodies = new java.util.ArrayList<>();

    /** Answers every send that says what it vouches for with success; nothing else is called. */
    private final QueueOps ops = new QueueOps() {
        @Override
        public BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries) {
            throw new AssertionError("the sink says what it vouches for");
        }

        @Override
        public BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries,
                                Map<String, String> received) {
            vouched.putAll(received);
            entries.forEach(e -> sentBodies.add(e.messageBody()));
            return new BatchResult(entries.stream().map(SendMessageBatchRequestEntry::id)
                    .collect(java.util.stream.Collectors.toSet()), Map.of());
        }

        @Override
        public List<Message> receive(String queueUrl, int max, int waitSeconds, int visibilityTimeoutSeconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BatchResult delete(String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BatchResult changeVisibility(String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> e) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long approximateMessages(String queueUrl) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void aReceivedMessageIsSentWithItsReceivesMd5sAndAFilesMessageWithout() {
        Message received = Message.builder().messageId("q1").receiptHandle("h").body("order 42")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String")
                        .stringValue("order").build()))
                .md5OfBody("body-md5-as-sqs-said").md5OfMessageAttributes("attributes-md5-as-sqs-said").build();
        Msg fromQueue = dev.sqsredrive.mover.sqs.SqsMessages.from(received);
        Msg fromFile = Msg.of("f1", null, "order 43");

        Sink sink = new SqsEndpoint(ops).sink(new Destination("http://q/dest", "arn:aws:sqs:r:1:dest", false, 1 << 20));
        sink.send(List.of(new Entry("m0", fromQueue), new Entry("m1", fromFile)));

        assertThat(vouched).containsExactly(Map.entry("m0",
                MessageMd5.fingerprint("body-md5-as-sqs-said", "attributes-md5-as-sqs-said")));
        assertThat(sentBodies).containsExactly("order 42", "order 43");
    }
}
