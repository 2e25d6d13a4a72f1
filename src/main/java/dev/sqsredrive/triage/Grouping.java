package dev.sqsredrive.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sqsredrive.mover.JsonPath;
import dev.sqsredrive.mover.Msg;

/**
 * Sorts the messages a scan sees into groups by the keys asked for, in bounded memory: at most {@link #tracked}
 * groups are counted apart (constant memory each, {@link GroupStats}); a message of any further group is
 * counted in "other" straight away. At the end the {@code shown} largest groups are told, and the rest join
 * "other". Fed from the scan's workers at once, so every call is synchronized.
 */
public final class Grouping implements Consumer<Msg> {

    /**
     * A group as told: its rank, its key values, the filters that select exactly it, what it adds up to.
     *
     * @param producer who recorded the reason it is grouped by (Lambda, EventBridge, queue); null when the
     *                 grouping is not by reason
     */
    public record Group(int rank, List<Part> parts, List<String> filters, GroupStats stats, String producer) {
    }

    /** What the scan found: the groups shown, the rest as one, and how many groups there were. */
    public record Result(List<Group> groups, GroupStats other, int otherGroups, boolean moreThanTracked,
                         long seen) {
    }

    private record Tracked(List<Part> parts, Producer producer, GroupStats stats) {
    }

    private final List<GroupKey> keys;
    private final int shown;
    private final int tracked;
    private final Instant scanStart;
    private final Sample.Kind sampling;
    private final boolean json;
    private final Map<List<String>, Tracked> groups = new LinkedHashMap<>();
    private final GroupStats untracked = new GroupStats();
    private final Set<Producer> producers = EnumSet.noneOf(Producer.class);
    /** Messages seen; the scan hands each over once (a receive that gets one again is not handed over). */
    private long seen;

    /**
     * @param keys      what to group by; {@link GroupKey#REASON} when none was given
     * @param shown     how many groups to tell apart in the result (--groups)
     * @param scanStart where the age buckets are measured from
     */
    public Grouping(List<GroupKey> keys, int shown, Instant scanStart, boolean showBodies) {
        this.keys = keys.isEmpty() ? List.of(GroupKey.REASON) : List.copyOf(keys);
        this.shown = shown;
        this.tracked = Math.max(1000, shown * 10);
        this.scanStart = scanStart;
        this.sampling = showBodies ? Sample.Kind.BODY : Sample.Kind.SHAPE;
        this.json = this.keys.stream().anyMatch(GroupKey::needsJson);
    }

    public List<GroupKey> keys() {
        return keys;
    }

    @Override
    public synchronized void accept(Msg m) {
        seen++;
        JsonNode body = json ? JsonPath.tree(m.body()) : null;
        List<Part> parts = new ArrayList<>(keys.size());
        List<String> filters = new ArrayList<>();
        for (GroupKey k : keys) {
            Part p = k.partOf(m, body, scanStart);
            parts.add(p);
            filters.addAll(p.filters());
        }
        Producer producer = keys.stream().anyMatch(GroupKey::byReason) ? Producer.of(m) : null;
        if (producer != null) {
            producers.add(producer);
        }
        Tracked t = groups.get(filters);
        if (t == null && groups.size() < tracked) {
            t = new Tracked(List.copyOf(parts), producer, new GroupStats());
            groups.put(List.copyOf(filters), t);
        }
        (t == null ? untracked : t.stats()).add(m, sampling);
    }

    public synchronized Result result() {
        List<Map.Entry<List<String>, Tracked>> bySize = new ArrayList<>(groups.entrySet());
        bySize.sort(Comparator.comparingLong((Map.Entry<List<String>, Tracked> e) -> -e.getValue().stats().count()));
        List<Group> out = new ArrayList<>();
        GroupStats other = new GroupStats();
        other.merge(untracked);
        int otherGroups = 0;
        for (Map.Entry<List<String>, Tracked> e : bySize) {
            Tracked t = e.getValue();
            if (out.size() < shown) {
                List<String> filters = new ArrayList<>(e.getKey());
                if (t.producer() != null) {
                    filters.addAll(t.producer().exclusions(producers));
                }
                out.add(new Group(out.size() + 1, t.parts(), List.copyOf(filters), t.stats(),
                        t.producer() == null ? null : t.producer().title()));
            } else {
                other.merge(t.stats());
                otherGroups++;
            }
        }
        return new Result(List.copyOf(out), other, otherGroups, untracked.count() > 0, seen);
    }
}
