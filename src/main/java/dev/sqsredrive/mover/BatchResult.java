package dev.sqsredrive.mover;

import java.util.Map;
import java.util.Set;

/**
 * The per-entry outcome of a batch call: an HTTP 200 says nothing about each entry, only these do.
 *
 * @param succeeded ids of the entries SQS confirmed
 * @param failed    ids of the entries SQS refused, with why
 */
public record BatchResult(Set<String> succeeded, Map<String, EntryError> failed) {
}
