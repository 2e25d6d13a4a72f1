package dev.sqsredrive.mover;

import java.util.Optional;

/**
 * A kind of queue the mover can move between (SQS today; files next). Each kind parses the references it
 * recognises and returns nothing for the others, so that {@link QueueKinds} can try the kinds in order, as
 * JBang's ResourceResolver chain does. Resolving a reference and opening its {@link Source} and {@link Sink}
 * is the kind's {@link QueueEndpoint}.
 *
 * @param <R> the kind's own parsed reference (for SQS, {@code aws.QueueRef})
 */
public interface QueueKind<R> {

    /** What users call it, for messages: "SQS queue". */
    String name();

    /**
     * The reference, parsed; empty when this kind does not recognise it. A reference it recognises but finds
     * malformed is a usage error (one line, naming what is wrong), not an empty answer.
     */
    Optional<R> parse(String reference);
}
