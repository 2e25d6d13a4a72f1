package dev.sqsredrive.render;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sqsredrive.task.TaskCodec;
import dev.sqsredrive.triage.GroupStats;
import dev.sqsredrive.triage.Grouping;
import dev.sqsredrive.triage.Inspection;
import dev.sqsredrive.triage.Part;
import dev.sqsredrive.triage.Sample;

/** `inspect -o json`: one object per group, then one summary object, one per line; fields in docs/OUTPUT.md. */
public final class InspectJson {

    private InspectJson() {
    }

    public static ObjectNode group(Grouping.Group g) {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        n.put("type", "group");
        n.put("rank", g.rank());
        n.put("producer", g.producer() == null ? null : g.producer().toLowerCase(java.util.Locale.ROOT));
        ObjectNode key = n.putObject("key");
        for (Part p : g.parts()) {
            key.put(p.key(), p.value());
        }
        ArrayNode filters = n.putArray("filters");
        g.filters().forEach(filters::add);
        stats(n, g.stats());
        return n;
    }

    /** The groups not shown, as one: no filter selects them all. */
    public static ObjectNode other(GroupStats other, int groups) {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        n.put("type", "other");
        n.put("groups", groups);
        stats(n, other);
        return n;
    }

    public static ObjectNode summary(Inspection.Report r, String status, String notSeen) {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        Grouping.Result res = r.result();
        n.put("type", "summary");
        n.put("queue", r.queue().arn());
        n.put("status", status);
        n.put("seen", res.seen());
        n.put("approximateDepth", r.depthAtStart());
        n.put("inFlightAtStart", r.inFlightAtStart());
        Long left = r.summary().leftBehind().count();
        n.put("notSeen", left);
        n.put("notSeenReason", notSeen);
        n.put("notReleased", r.notReleased());
        n.put("max", r.max());
        n.put("groupsShown", res.groups().size());
        n.put("otherGroups", res.otherGroups());
        n.put("otherMessages", res.other().count());
        n.put("fifo", r.fifo());
        n.put("fifoNote", r.fifo() ? InspectText.FIFO_NOTE : null);
        n.put("elapsedSeconds", Math.round(r.summary().elapsed().toNanos() / 1e6) / 1000.0);
        n.put("messagesPerSecond", Math.round(r.summary().achievedRate() * 10) / 10.0);
        n.put("error", r.summary().error());
        return n;
    }

    private static void stats(ObjectNode n, GroupStats s) {
        n.put("count", s.count());
        n.put("bytes", s.bytes());
        n.put("oldestSent", time(s.oldestSent()));
        n.put("newestSent", time(s.newestSent()));
        ArrayNode origins = n.putArray("origins");
        s.origins().forEach(origins::add);
        n.put("moreOrigins", s.moreOrigins());
        ObjectNode receives = n.putObject("receiveCount");
        receives.put("min", s.receivesMin());
        receives.put("max", s.receivesMax());
        receives.put("mean", s.receivesMean() == null ? null : Math.round(s.receivesMean() * 100) / 100.0);
        Sample sample = s.sample();
        if (sample == null) {
            n.putNull("sample");
            return;
        }
        ObjectNode o = n.putObject("sample");
        o.put("messageId", sample.messageId());
        o.put("shape", sample.shape());
        ArrayNode keys = o.putArray("keys");
        sample.keys().forEach(keys::add);
        o.put("length", sample.length());
        ArrayNode attrs = o.putArray("attributes");
        sample.attributes().forEach(attrs::add);
        if (sample.body() != null) {
            o.put("body", sample.body());
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
