package dev.sqsredrive.testing;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** One message attribute of every data type SQS knows, custom suffixes included: what a move must carry over. */
public final class EveryAttributeType {

    private EveryAttributeType() {
    }

    public static Map<String, MessageAttributeValue> map() {
        Map<String, MessageAttributeValue> a = new HashMap<>();
        a.put("s", MessageAttributeValue.builder().dataType("String").stringValue("héllo").build());
        a.put("n", MessageAttributeValue.builder().dataType("Number").stringValue("-12.5e3").build());
        a.put("b", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xff})).build());
        a.put("sc", MessageAttributeValue.builder().dataType("String.custom").stringValue("x").build());
        a.put("nc", MessageAttributeValue.builder().dataType("Number.int").stringValue("7").build());
        a.put("bc", MessageAttributeValue.builder().dataType("Binary.gz").binaryValue(SdkBytes.fromUtf8String("zz"))
                .build());
        return a;
    }
}
