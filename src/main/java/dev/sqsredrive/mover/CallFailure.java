package dev.sqsredrive.mover;

/**
 * What a call that failed as a whole means to the mover, told by the kind of queue that made it (the SQS
 * kind reads the SDK's exception), so that retries, silence detection and messages need no SDK type.
 *
 * @param type     why it failed, as far as retrying goes
 * @param code     the error code, or the failure's own name when the queue gave none
 * @param message  the failure's message
 * @param noAnswer the queue gave no answer (timeout, reset, refused connection): the call may have been
 *                 carried out anyway. An error answer (throttled, 5xx) says it was not
 */
public record CallFailure(Type type, String code, String message, boolean noAnswer) {

    public enum Type {
        /** The queue asked to slow down: retried. */
        THROTTLED,
        /** The queue failed on its side (5xx): retried. */
        SERVER_ERROR,
        /** No answer came: retried, and a send may have been delivered. */
        NO_ANSWER,
        /** The call itself was wrong or not allowed: retrying cannot help. */
        REFUSED
    }

    public boolean retryable() {
        return type != Type.REFUSED;
    }
}
