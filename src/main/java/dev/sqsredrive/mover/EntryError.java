package dev.sqsredrive.mover;

/**
 * One entry of a batch call that SQS did not carry out.
 *
 * @param senderFault true when the entry itself was wrong (retrying cannot help)
 */
public record EntryError(String code, String message, boolean senderFault) {

    @Override
    public String toString() {
        return code + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")");
    }
}
