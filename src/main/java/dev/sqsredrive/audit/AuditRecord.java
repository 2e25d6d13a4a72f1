package dev.sqsredrive.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of the audit log: who ran which command on what, and how it ended. Every field is in every line
 * (null where unknown), so a script reads the same shape from each; the fields are in docs/OUTPUT.md.
 *
 * @param time        when the command ended (the injected clock)
 * @param command     start, cancel, inspect
 * @param args        the whole command line as typed, global options included
 * @param user        the local user running redrive
 * @param host        the machine's host name, null when it cannot be told cheaply
 * @param caller      the caller's ARN as STS GetCallerIdentity gave it (AWS only), else null
 * @param source      the source queue's ARN once resolved, else as typed (file:PATH too); null when none
 * @param destination the destination's ARN, or file:PATH; null for "each message's origin" or none
 * @param filters     the --filter expressions, in order
 * @param handle      the task's handle, when there is one
 * @param counts      what the command counted (moved, failed, skipped, ...), by name
 * @param outcome     how it ended: a task status (COMPLETED, RUNNING, CANCELLED, ...) or the exit code's name
 * @param exitCode    the exit code the command returned
 * @param error       the one-line error it printed, else null
 */
public record AuditRecord(Instant time, String command, List<String> args, String user, String host, String caller,
                          String source, String destination, List<String> filters, String handle,
                          Map<String, Long> counts, String outcome, int exitCode, String error) {

    /** The version of a line's shape: a reader skips lines of a version it does not know. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public AuditRecord {
        args = List.copyOf(args);
        filters = List.copyOf(filters);
        counts = Map.copyOf(counts);
    }

    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("time", time.toString());
        n.put("command", command);
        args.forEach(n.putArray("args")::add);
        n.put("user", user);
        n.put("host", host);
        n.put("caller", caller);
        n.put("source", source);
        n.put("destination", destination);
        filters.forEach(n.putArray("filters")::add);
        n.put("handle", handle);
        ObjectNode c = n.putObject("counts");
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> c.put(e.getKey(), e.getValue()));
        n.put("outcome", outcome);
        n.put("exitCode", exitCode);
        n.put("error", error);
        return n;
    }

    /** One line of JSON, no line break inside (strings escape theirs). */
    public String toLine() {
        return toJson().toString();
    }

    /** @throws IllegalArgumentException when the line is no record of a version this reads */
    public static AuditRecord parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject() || n.path("v").asInt() != VERSION || !n.path("time").isTextual()
                || !n.path("command").isTextual() || !n.path("exitCode").isInt()) {
            throw new IllegalArgumentException("not an audit record");
        }
        Instant time;
        try {
            time = Instant.parse(n.get("time").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        n.path("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return new AuditRecord(time, n.get("command").asText(), strings(n.path("args")), text(n, "user"),
                text(n, "host"), text(n, "caller"), text(n, "source"), text(n, "destination"),
                strings(n.path("filters")), text(n, "handle"), counts, text(n, "outcome"), n.get("exitCode").asInt(),
                text(n, "error"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
