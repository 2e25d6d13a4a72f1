package dev.sqsredrive.triage;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.FilterTerms;
import dev.sqsredrive.mover.JsonPath;
import dev.sqsredrive.mover.Msg;

/**
 * One --group-by key: attr:NAME, json:PATH, origin, age, size; or, given none, {@code reason} (what the DLQ's
 * producer recorded, {@link Producer}). Each tells a message's {@link Part}: its value and the --filter that
 * selects that value exactly.
 */
public final class GroupKey {

    public static final String SYNTAX = "attr:NAME, json:PATH (a dotted path into a JSON body), origin, age,"
            + " size or reason";
    public static final GroupKey REASON = new GroupKey("reason", Kind.REASON, null, null);

    private enum Kind { REASON, ATTR, JSON, ORIGIN, AGE, SIZE }

    private final String typed;
    private final Kind kind;
    private final String name;
    private final JsonPath path;

    private GroupKey(String typed, Kind kind, String name, JsonPath path) {
        this.typed = typed;
        this.kind = kind;
        this.name = name;
        this.path = path;
    }

    /** @throws RedriveException (usage) for a key that is none of {@link #SYNTAX} */
    public static GroupKey parse(String typed) {
        String k = typed == null ? "" : typed.strip();
        if (k.startsWith("attr:") && !k.substring(5).isBlank()) {
            return new GroupKey(k, Kind.ATTR, k.substring(5).strip(), null);
        }
        if (k.startsWith("json:")) {
            return new GroupKey(k, Kind.JSON, null, JsonPath.parse(k.substring(5).strip()));
        }
        return switch (k) {
            case "reason" -> REASON;
            case "origin" -> new GroupKey(k, Kind.ORIGIN, null, null);
            case "age" -> new GroupKey(k, Kind.AGE, null, null);
            case "size" -> new GroupKey(k, Kind.SIZE, null, null);
            default -> throw RedriveException.usage("unknown --group-by key '" + typed + "': expected " + SYNTAX);
        };
    }

    public String typed() {
        return typed;
    }

    boolean byReason() {
        return kind == Kind.REASON;
    }

    /** @param body the message's body read as JSON once for all keys (null when it is none) */
    Part partOf(Msg m, JsonNode body, Instant scanStart) {
        return switch (kind) {
            case REASON -> Producer.of(m).reason(m);
            case ATTR -> Part.of(typed, FilterTerms.attributeValue(m.attributes().get(name)), null)
                    .withFilter("attr:" + name);
            case JSON -> Part.of(typed, path.valueIn(body), null).withFilter("json:" + path.path());
            case ORIGIN -> originPart(typed, m);
            case AGE -> Buckets.age(m, scanStart);
            case SIZE -> Buckets.size(m);
        };
    }

    static Part originPart(String key, Msg m) {
        String arn = FilterTerms.origin(m);
        return new Part(key, arn, arn == null ? "(no origin)" : arn, List.of(arn == null ? "!origin" : "origin:" + arn));
    }

    boolean needsJson() {
        return kind == Kind.JSON;
    }

    @Override
    public String toString() {
        return typed;
    }
}
