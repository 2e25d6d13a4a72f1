package dev.sqsredrive.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.sqsredrive.audit.AuditRecord;

/** The audit log as `redrive history` shows it: one row per command run, oldest first, newest last. */
public final class HistoryText {

    private HistoryText() {
    }

    public static List<String> table(List<AuditRecord> records) {
        Table t = new Table("TIME", "COMMAND", "SOURCE", "DESTINATION", "OUTCOME", "EXIT", "COUNTS", "WHO", "HANDLE");
        for (AuditRecord r : records) {
            t.row(TaskText.when(r.time()), r.command(), queue(r.source()), queue(r.destination()), r.outcome(),
                    Integer.toString(r.exitCode()), counts(r.counts()), who(r), r.handle());
        }
        return t.lines();
    }

    /** A queue's name out of its ARN; file:PATH and what was typed as they are. */
    private static String queue(String source) {
        return source == null ? null : source.startsWith("arn:") ? TaskText.name(source) : source;
    }

    /** "moved 12, failed 1": the counts that are not zero, by name; "-" for none. */
    static String counts(Map<String, Long> counts) {
        String text = counts.entrySet().stream().filter(e -> e.getValue() != 0).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return text.isEmpty() ? null : text;
    }

    /** user@host, and the caller's ARN after it where STS told it. */
    static String who(AuditRecord r) {
        String local = r.user() + (r.host() == null ? "" : "@" + r.host());
        return r.caller() == null ? local : local + " (" + r.caller() + ")";
    }
}
