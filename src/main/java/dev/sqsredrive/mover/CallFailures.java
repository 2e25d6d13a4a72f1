package dev.sqsredrive.mover;

/** A kind of queue's reading of its own failures: what each means, and how to tell it in one line. */
public interface CallFailures {

    /** What this failure of a call means; null when it is no call failure of this kind (a bug: it propagates). */
    CallFailure classify(RuntimeException e);

    /** One line for the operator, e.g. "the move from 'orders-dlq' failed: ... (AccessDenied)". */
    String describe(RuntimeException e, String subject);
}
