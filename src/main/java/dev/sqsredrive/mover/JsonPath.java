package dev.sqsredrive.mover;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.sqsredrive.aws.RedriveException;

/**
 * A dotted path into a JSON body ({@code detail.order.id}, {@code items.0.sku}: a number steps into an array),
 * as the {@code json:} filters and the {@code json:} group key read it. The value found is told as text one
 * way for both, so a group's filter selects exactly that group: a string as itself, a number, true, false or
 * null as JSON writes it, an object or array as its compact JSON. A body that is no JSON, or lacks the path,
 * has no value.
 */
public final class JsonPath {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A segment: anything but a dot, '=' or '~' (they end the path in a filter). */
    private static final Pattern SEGMENT = Pattern.compile("[^.=~\\s]+");

    private final String path;
    private final List<String> segments;

    private JsonPath(String path, List<String> segments) {
        this.path = path;
        this.segments = segments;
    }

    /** @throws RedriveException (usage) when the path is empty or has an empty or unusable segment */
    public static JsonPath parse(String path) {
        List<String> segments = List.of(path.split("\\.", -1));
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches()) {
                throw RedriveException.usage("bad JSON path '" + path + "': expected names separated by dots, such"
                        + " as detail.order.id or items.0.sku (no empty name, no space, '=' or '~')");
            }
        }
        return new JsonPath(path, segments);
    }

    public String path() {
        return path;
    }

    /** The value at this path in {@code body}, as text; null when the body is no JSON or has nothing there. */
    public String valueIn(String body) {
        return valueIn(tree(body));
    }

    /** The same, in a body already read ({@link #tree}); null for a null tree. */
    public String valueIn(JsonNode root) {
        JsonNode n = root;
        for (String s : segments) {
            if (n == null) {
                return null;
            }
            n = n.isArray() && s.chars().allMatch(Character::isDigit) && s.length() < 10
                    ? n.get(Integer.parseInt(s)) : n.isObject() ? n.get(s) : null;
        }
        if (n == null || n.isMissingNode()) {
            return null;
        }
        return n.isValueNode() && !n.isNull() ? n.asText() : n.toString();
    }

    /** The body read as JSON, or null when it is none (text, or broken JSON). */
    public static JsonNode tree(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        char first = body.charAt(0);
        if (first != '{' && first != '[' && !Character.isWhitespace(first)) {
            return null; // most text bodies: no exception thrown and caught for each
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
