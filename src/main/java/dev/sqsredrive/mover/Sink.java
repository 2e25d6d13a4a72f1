package dev.sqsredrive.mover;

import java.util.List;

/**
 * Where the mover sends messages to: one destination. Only a per-entry confirmation says a message arrived.
 */
public interface Sink {

    /** Sends one batch; the result confirms or refuses each entry, with the MessageId each was given. */
    BatchResult send(List<Entry> entries);

    /** About how many messages it holds that its consumers could receive now (--max-backlog reads it). */
    default long visibleDepth() {
        throw new UnsupportedOperationException("this kind of destination cannot tell its backlog");
    }

    /** Where its calls go, to name it when it does not answer. */
    String endpoint();
}
