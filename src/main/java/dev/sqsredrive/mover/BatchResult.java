package dev.sqsredrive.mover;

import java.util.Map;
import java.util.Set;

/**
 * The per-entry outcome of a batch call: an HTTP 200 says nothing about each entry, only these do.
 *
 * @param succeeded  ids of the entries the queue confirmed
 * @param failed     ids of the entries the queue refused, with why
 * @param messageIds of a send: the MessageId the destination gave each entry it stored, where it said:
 *                   confirmed, or confirmed with MD5s that do not match ({@link EntryError#mismatched})
 */
public record BatchResult(Set<String> succeeded, Map<String, EntryError> failed, Map<String, String> messageIds) {

    public BatchResult(Set<String> succeeded, Map<String, EntryError> failed) {
        this(succeeded, failed, Map.of());
    }
}
