package dev.sqsredrive.triage;

import java.util.List;

/**
 * One key's value for a message: how a person reads it, and the --filter that selects exactly the messages
 * with that value (a group is the messages whose parts are all equal; its filters are its parts' filters).
 *
 * @param key     the group key it comes from, as typed (attr:ErrorCode, age, ...)
 * @param value   the value as text; null when the message has none (no such attribute, no JSON there)
 * @param label   the value for a person (a bucket's range, "(none)")
 * @param filters the --filter expressions that select it, all to be given
 */
public record Part(String key, String value, String label, List<String> filters) {

    static Part of(String key, String value, String filter) {
        return new Part(key, value, value == null ? "(none)" : value, filter == null ? List.of() : List.of(filter));
    }

    /** This value selected by what a key names ({@code attr:NAME}): NAME=VALUE, or !NAME when there is none. */
    Part withFilter(String named) {
        return new Part(key, value, label, List.of(value == null ? "!" + named : named + "=" + value));
    }
}
