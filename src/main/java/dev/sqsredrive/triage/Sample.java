package dev.sqsredrive.triage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sqsredrive.mover.JsonPath;
import dev.sqsredrive.mover.MessageCopy;
import dev.sqsredrive.mover.Msg;

/**
 * One message of a group, shown by its shape, since bodies may hold personal data: a JSON object's keys (an
 * array's length), or that it is text and how long. The body itself only when asked (--show-bodies), cut at
 * {@link #BODY_KEPT} characters so that a group's memory stays bounded.
 *
 * @param messageId  the sampled message's id
 * @param shape      "json-object", "json-array" or "text"
 * @param keys       a JSON object's top-level keys (at most {@link #KEYS_KEPT}); empty otherwise
 * @param length     the body's length in bytes (UTF-8)
 * @param attributes the names of its message attributes
 * @param body       the body (cut), or null unless --show-bodies
 */
public record Sample(String messageId, String shape, List<String> keys, long length, List<String> attributes,
                     String body) {

    public static final int KEYS_KEPT = 20;
    public static final int BODY_KEPT = 4096;

    enum Kind { SHAPE, BODY }

    static Sample of(Msg m, Kind kind) {
        String body = m.body() == null ? "" : m.body();
        JsonNode tree = JsonPath.tree(body);
        String shape = tree == null ? "text" : tree.isObject() ? "json-object" : tree.isArray() ? "json-array" : "text";
        List<String> keys = new ArrayList<>();
        if (tree != null && tree.isObject()) {
            TreeSet<String> sorted = new TreeSet<>();
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                sorted.add(it.next());
            }
            sorted.stream().limit(KEYS_KEPT).forEach(keys::add);
        }
        String shown = kind == Kind.BODY ? (body.length() <= BODY_KEPT ? body : body.substring(0, BODY_KEPT) + "…") : null;
        return new Sample(m.id(), shape, List.copyOf(keys), (int) MessageCopy.utf8(body),
                List.copyOf(new TreeSet<>(m.attributes().keySet())), shown);
    }
}
