package dev.sqsredrive.mover;

import java.util.List;

/**
 * Where the mover sends messages to: one destination. Only a per-entry confirmation says a message arrived.
 */
public interface Sink {

    /** Sends one batch; the result confirms or refuses each entry, with the MessageId each was given. */
    BatchResult send(List<Entry> entries);

    /** Where its calls go, to name it when it does not answer. */
    String endpoint();
}
