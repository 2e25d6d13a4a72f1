package dev.sqsredrive.mover;

/**
 * One entry of a batch call that SQS did not carry out.
 *
 * @param senderFault true when the entry itself was wrong (retrying cannot help)
 */
public record EntryError(String code, String message, boolean senderFault) {

    /**
     * True when the server may have carried the entry out although it reported it failed: a fault on its side
     * (SenderFault false, e.g. InternalError) says nothing of whether the message was stored, unlike a sender
     * fault or throttling, which say it was not (docs/MOVER.md, "Unknown outcomes").
     */
    public boolean outcomeUnknown() {
        return !senderFault && !dev.sqsredrive.aws.AwsErrors.isThrottlingCode(code) && !NOT_ATTEMPTED.equals(code);
    }

    /**
     * False for a sender fault, and for an entry SQS confirmed with MD5s that do not match what was sent
     * ({@link dev.sqsredrive.aws.Md5Checks#MISMATCH}): it stored a copy its answer does not vouch for, and a
     * resend would store another.
     */
    public boolean retryable() {
        return !senderFault && !mismatched();
    }

    /** SQS stored a copy whose answer's MD5s do not match what was sent ({@link dev.sqsredrive.aws.Md5Checks}). */
    public boolean mismatched() {
        return dev.sqsredrive.aws.Md5Checks.MISMATCH.equals(code);
    }

    /** The code of an entry that no attempt was made for (the run was stopping). */
    static final String NOT_ATTEMPTED = "NotAttempted";

    @Override
    public String toString() {
        return code + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")");
    }
}
