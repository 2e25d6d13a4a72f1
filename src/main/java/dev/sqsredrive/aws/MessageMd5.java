package dev.sqsredrive.aws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/**
 * The MD5s SQS reports of a message's body and attributes, computed as SQS and the SDK's
 * {@code MessageMD5ChecksumInterceptor} do: lower-case hex; attributes sorted by name, each as its name and
 * data type, then a type byte (1 string, 2 binary, 3 string list, 4 binary list) and the value(s), every
 * string and byte run preceded by its length as a 4-byte big-endian int.
 */
public final class MessageMd5 {

    /**
     * Cloned for each hash: the callers are virtual threads, short-lived and many, for which a digest kept per
     * thread would be one made per thread anyway, and one looked up by name costs a provider search.
     */
    private static final MessageDigest MD5 = md5();

    private MessageMd5() {
    }

    /**
     * What identifies a message's content: the MD5 of its body and of its message attributes ("" without
     * any), as SQS reports them. The mover keeps a received message's (its fingerprint) and expects a send of
     * it unchanged to be answered with the same.
     */
    public static String fingerprint(String bodyMd5, String attributesMd5) {
        return bodyMd5 + "/" + (attributesMd5 == null ? "" : attributesMd5);
    }

    public static String body(String body) {
        MessageDigest md = digest();
        md.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** Of message attributes; null when there are none (SQS then reports none). */
    public static String attributes(Map<String, MessageAttributeValue> attributes) {
        return hashed(attributes, v -> new Value(v.dataType(), v.stringValue(), v.binaryValue(),
                v.stringListValues(), v.binaryListValues()));
    }

    /** Of system attributes sent (AWSTraceHeader): the same form; null when there are none. */
    public static String systemAttributes(Map<String, MessageSystemAttributeValue> attributes) {
        return hashed(attributes, v -> new Value(v.dataType(), v.stringValue(), v.binaryValue(),
                v.stringListValues(), v.binaryListValues()));
    }

    /** One attribute's parts, whichever of the SDK's two value types it came in. */
    private record Value(String dataType, String string, SdkBytes binary, List<String> strings,
                         List<SdkBytes> binaries) {
    }

    private static <V> String hashed(Map<String, V> attributes, Function<V, Value> parts) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        MessageDigest md = digest();
        for (String name : attributes.keySet().stream().sorted().toList()) {
            Value v = parts.apply(attributes.get(name));
            withLength(md, name);
            withLength(md, v.dataType());
            if (v.string() != null) {
                md.update((byte) 1);
                withLength(md, v.string());
            } else if (v.binary() != null) {
                md.update((byte) 2);
                withLength(md, v.binary().asByteArrayUnsafe());
            } else if (v.strings() != null && !v.strings().isEmpty()) {
                md.update((byte) 3);
                v.strings().forEach(s -> withLength(md, s));
            } else if (v.binaries() != null && !v.binaries().isEmpty()) {
                md.update((byte) 4);
                v.binaries().forEach(b -> withLength(md, b.asByteArrayUnsafe()));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void withLength(MessageDigest md, String s) {
        withLength(md, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void withLength(MessageDigest md, byte[] bytes) {
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JVM's MD5 cannot be cloned", e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no MD5", e);
        }
    }
}
