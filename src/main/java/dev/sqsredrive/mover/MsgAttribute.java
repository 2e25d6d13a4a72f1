package dev.sqsredrive.mover;

import java.util.Arrays;

/**
 * One message attribute: its data type as the sender gave it (String, Number, Binary, with any custom
 * suffix) and its value, a string or bytes.
 */
public record MsgAttribute(String dataType, String stringValue, byte[] binaryValue) {

    public static MsgAttribute string(String dataType, String value) {
        return new MsgAttribute(dataType, value, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgAttribute a && java.util.Objects.equals(dataType, a.dataType)
                && java.util.Objects.equals(stringValue, a.stringValue) && Arrays.equals(binaryValue, a.binaryValue);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dataType, stringValue) * 31 + Arrays.hashCode(binaryValue);
    }

    @Override
    public String toString() {
        return dataType + ": " + (binaryValue != null ? "(" + binaryValue.length + " bytes)" : stringValue);
    }
}
