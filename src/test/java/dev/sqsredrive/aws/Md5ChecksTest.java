package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/** What our MD5 checks let through and what they stop, on receives and on each entry of a send. */
class Md5ChecksTest {

    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of("kind",
            MessageAttributeValue.builder().dataType("String").stringValue("order").build());

    private final Md5Checks checks = new Md5Checks();

    private void receive(Message... messages) {
        checks.afterExecution(InterceptorContext.builder().request(ReceiveMessageRequest.builder().build())
                .response(ReceiveMessageResponse.builder().messages(messages).build()).build(),
                new ExecutionAttributes());
    }

    private static Message received(String body, String bodyMd5, String attributesMd5) {
        return Message.builder().messageId("m-" + body).body(body).messageAttributes(ATTRIBUTES).md5OfBody(bodyMd5)
                .md5OfMessageAttributes(attributesMd5).build();
    }

    @Test
    void aReceiveWhoseBodyOrAttributesDoNotHashToTheirMd5sFailsAsAWhole() {
        String attributesMd5 = MessageMd5.attributes(ATTRIBUTES);
        receive(received("a", MessageMd5.body("a"), attributesMd5), received("b", MessageMd5.body("b"), attributesMd5));

        assertThatThrownBy(() -> receive(received("a", MessageMd5.body("a"), attributesMd5),
                received("b", MessageMd5.body("B"), attributesMd5)))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("message body");
        assertThatThrownBy(() -> receive(received("a", MessageMd5.body("a"), MessageMd5.body("x"))))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("message attributes");
    }

    private SendMessageBatchResponse send(Map<String, String> received, SendMessageBatchResultEntry... answers) {
        var request = SendMessageBatchRequest.builder().entries(
                SendMessageBatchRequestEntry.builder().id("0").messageBody("a").messageAttributes(ATTRIBUTES).build(),
                SendMessageBatchRequestEntry.builder().id("1").messageBody("b").build()).build();
        ExecutionAttributes attributes = new ExecutionAttributes();
        if (received != null) {
            attributes.putAttribute(Md5Checks.RECEIVED, received);
        }
        return (SendMessageBatchResponse) checks.modifyResponse(InterceptorContext.builder().request(request)
                .response(SendMessageBatchResponse.builder().successful(answers).build()).build(), attributes);
    }

    private static SendMessageBatchResultEntry answer(String id, String bodyMd5, String attributesMd5) {
        return SendMessageBatchResultEntry.builder().id(id).messageId("new-" + id).md5OfMessageBody(bodyMd5)
                .md5OfMessageAttributes(attributesMd5).build();
    }

    @Test
    void aSendIsCheckedEntryByEntryAgainstTheHashOfWhatWasSent() {
        String attributesMd5 = MessageMd5.attributes(ATTRIBUTES);
        SendMessageBatchResponse fine = send(null, answer("0", MessageMd5.body("a"), attributesMd5),
                answer("1", MessageMd5.body("b"), null));
        assertThat(fine.successful()).extracting(SendMessageBatchResultEntry::id).containsExactly("0", "1");
        assertThat(fine.failed()).isEmpty();

        SendMessageBatchResponse oneWrong = send(null, answer("0", MessageMd5.body("a"), MessageMd5.body("x")),
                answer("1", MessageMd5.body("b"), null));
        assertThat(oneWrong.successful()).extracting(SendMessageBatchResultEntry::id).containsExactly("1");
        assertThat(oneWrong.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("0");
            assertThat(f.code()).isEqualTo(Md5Checks.MISMATCH);
            assertThat(f.senderFault()).as("SQS stored a copy: no sender fault").isFalse();
            assertThat(f.message()).contains("new-0");
        });
    }

    @Test
    void aSendOfWhatWasReceivedIsCheckedAgainstTheReceivesMd5s() {
        String attributesMd5 = MessageMd5.attributes(ATTRIBUTES);
        // vouched for: the answer must equal the receive's MD5s, whatever the hash of the entry would be
        Map<String, String> received = Map.of("0", MessageMd5.fingerprint("received-a", "received-attributes"));

        SendMessageBatchResponse answeredAsReceived = send(received,
                answer("0", "received-a", "received-attributes"), answer("1", MessageMd5.body("b"), null));
        assertThat(answeredAsReceived.failed()).isEmpty();

        SendMessageBatchResponse answeredOtherwise = send(received, answer("0", MessageMd5.body("a"), attributesMd5),
                answer("1", MessageMd5.body("b"), null));
        assertThat(answeredOtherwise.failed()).extracting(BatchResultErrorEntry::id).containsExactly("0");
        assertThat(answeredOtherwise.successful()).extracting(SendMessageBatchResultEntry::id).containsExactly("1");
    }

    /** The trace header is no part of the receive's MD5s: its MD5 is computed, and checked where SQS reports one. */
    @Test
    void aSentTraceHeaderIsCheckedAgainstTheAnswersSystemAttributesMd5() {
        var trace = Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER, MessageSystemAttributeValue.builder()
                .dataType("String").stringValue("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1").build());
        var entry = SendMessageBatchRequestEntry.builder().id("0").messageBody("a").messageSystemAttributes(trace)
                .build();
        String expected = MessageMd5.systemAttributes(entry.messageSystemAttributesAsStrings());
        String received = MessageMd5.fingerprint(MessageMd5.body("a"), null);

        assertThat(Md5Checks.sendProblem(entry, received, answer("0", MessageMd5.body("a"), null).toBuilder()
                .md5OfMessageSystemAttributes(expected).build())).isNull();
        assertThat(Md5Checks.sendProblem(entry, received, answer("0", MessageMd5.body("a"), null).toBuilder()
                .md5OfMessageSystemAttributes(MessageMd5.body("x")).build())).contains("system attributes");
    }
}
