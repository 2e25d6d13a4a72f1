package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.services.sqs.endpoints.SqsClientContextParams;
import software.amazon.awssdk.utils.AttributeMap;
import software.amazon.awssdk.services.sqs.internal.MessageMD5ChecksumInterceptor;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** Our MD5s of bodies and attributes are the ones the SDK's own check accepts, for every data type. */
class MessageMd5Test {

    private static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    private static MessageAttributeValue binary(String type, byte[] value) {
        return MessageAttributeValue.builder().dataType(type).binaryValue(SdkBytes.fromByteArray(value)).build();
    }

    /** Every type SQS accepts, custom ones included, names out of order and non-ASCII text. */
    private static Map<String, MessageAttributeValue> everyType() {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("zeta", string("String", "héllo wörld ✓"));
        a.put("count", string("Number", "-12.50"));
        a.put("big", string("Number.int", "9007199254740993"));
        a.put("blob", binary("Binary", new byte[] {0, 1, 2, (byte) 0xff}));
        a.put("image", binary("Binary.gif", new byte[] {'G', 'I', 'F'}));
        a.put("kind", string("String.custom", ""));
        return a;
    }

    /** The SDK's own MessageMD5ChecksumInterceptor checking a receive that claims these MD5s. */
    private static void sdkChecks(String body, Map<String, MessageAttributeValue> attributes, String bodyMd5,
                                  String attributesMd5) {
        Message m = Message.builder().body(body).messageAttributes(attributes).md5OfBody(bodyMd5)
                .md5OfMessageAttributes(attributesMd5).build();
        new MessageMD5ChecksumInterceptor().afterExecution(InterceptorContext.builder()
                .request(ReceiveMessageRequest.builder().build())
                .response(ReceiveMessageResponse.builder().messages(m).build()).build(), checksumsOn());
    }

    /** What the SDK's client hands its interceptor when checksumValidationEnabled is on (its default). */
    private static ExecutionAttributes checksumsOn() {
        return ExecutionAttributes.builder().put(SdkInternalExecutionAttribute.CLIENT_CONTEXT_PARAMS,
                AttributeMap.builder().put(SqsClientContextParams.CHECKSUM_VALIDATION_ENABLED, true).build()).build();
    }

    @Test
    void theSdksOwnCheckAcceptsOurMd5sOfEveryAttributeType() {
        String body = "{\"order\": 42, \"note\": \"ünïcödé 🚀\"}";
        Map<String, MessageAttributeValue> attributes = everyType();

        sdkChecks(body, attributes, MessageMd5.body(body), MessageMd5.attributes(attributes));
        for (var one : attributes.entrySet()) {
            Map<String, MessageAttributeValue> single = Map.of(one.getKey(), one.getValue());
            sdkChecks(body, single, MessageMd5.body(body), MessageMd5.attributes(single));
        }
    }

    @Test
    void theSdksOwnCheckRejectsWhatDiffersByOneByte() {
        Map<String, MessageAttributeValue> attributes = everyType();
        Map<String, MessageAttributeValue> changed = new LinkedHashMap<>(attributes);
        changed.put("blob", binary("Binary", new byte[] {0, 1, 2, (byte) 0xfe}));

        assertThatThrownBy(() -> sdkChecks("a", attributes, MessageMd5.body("a"), MessageMd5.attributes(changed)))
                .isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> sdkChecks("a", attributes, MessageMd5.body("b"), MessageMd5.attributes(attributes)))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void knownVectors() {
        assertThat(MessageMd5.body("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(MessageMd5.body("hello")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        // SQS's documented example: one String attribute. Its bytes: 0 0 0 4 "name" 0 0 0 6 "String" 1 0 0 0 5 "value"
        assertThat(MessageMd5.attributes(Map.of("name", string("String", "value"))))
                .isEqualTo(md5(new byte[] {0, 0, 0, 4, 'n', 'a', 'm', 'e', 0, 0, 0, 6, 'S', 't', 'r', 'i', 'n', 'g',
                    1, 0, 0, 0, 5, 'v', 'a', 'l', 'u', 'e'}));
        assertThat(MessageMd5.attributes(Map.of())).isNull();
        assertThat(MessageMd5.fingerprint("b", null)).isEqualTo("b/");
        assertThat(MessageMd5.fingerprint("b", "a")).isEqualTo("b/a");
    }

    private static String md5(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listsAreNotSentByTheMoverButHashAsTheSdkDoes() {
        Map<String, MessageAttributeValue> lists = Map.of("l", MessageAttributeValue.builder().dataType("String")
                .stringListValues(List.of("a", "b")).build());
        sdkChecks("x", lists, MessageMd5.body("x"), MessageMd5.attributes(lists));
    }
}
