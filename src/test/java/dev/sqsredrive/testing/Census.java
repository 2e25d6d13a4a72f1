package dev.sqsredrive.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Every message of a move, counted by body after the fact: what the destination holds and what is still in
 * the source. Messages still in flight in the source (held by a mover that died, or not yet released) are
 * waited for until they are visible again, so nothing escapes the count.
 */
public record Census(Map<String, Integer> inDestination, Map<String, Integer> inSource) {

    /** Drains both queues (waiting up to inFlightWait for invisible source messages) and counts bodies. */
    public static Census take(TestQueues queues, TestQueues.Queue source, TestQueues.Queue destination,
                              Duration inFlightWait) {
        return ofDestination(count(queues.drain(destination)), queues, source, inFlightWait);
    }

    /** A destination that is no queue (a message file), counted by the caller; the source drained as above. */
    public static Census ofDestination(Map<String, Integer> destination, TestQueues queues, TestQueues.Queue source,
                                       Duration inFlightWait) {
        List<Message> src = new ArrayList<>(queues.drain(source));
        Deadline deadline = Deadline.in(inFlightWait);
        while (queues.depth(source) > 0) {
            deadline.check(() -> queues.depth(source) + " source messages still in flight");
            src.addAll(queues.drain(source));
        }
        return new Census(destination, count(src));
    }

    /** Bodies counted. */
    public static Map<String, Integer> count(List<Message> messages) {
        Map<String, Integer> counts = new TreeMap<>();
        messages.forEach(m -> counts.merge(m.body(), 1, Integer::sum));
        return counts;
    }

    /** Expected bodies found nowhere: lost messages. */
    public List<String> lost(Collection<String> expected) {
        return expected.stream().filter(b -> !inDestination.containsKey(b) && !inSource.containsKey(b)).toList();
    }

    /** Copies beyond the first of each body, over both queues: a body moved and also left behind counts once. */
    public int duplicates() {
        Map<String, Integer> all = new TreeMap<>(inDestination);
        inSource.forEach((b, n) -> all.merge(b, n, Integer::sum));
        return all.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** Deliveries beyond the first of each body: copies in the destination. */
    public int extraDeliveries() {
        return inDestination.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** Bodies delivered and still in the source too (sent, not deleted). */
    public int deliveredButNotDeleted() {
        return (int) inSource.keySet().stream().filter(inDestination::containsKey).count();
    }

    /** Bodies that are in the destination (each counted once). */
    public int delivered() {
        return inDestination.size();
    }

    /** Bodies still (or again) in the source (each counted once). */
    public int remaining() {
        return inSource.size();
    }

    @Override
    public String toString() {
        return "destination " + inDestination.values().stream().mapToInt(Integer::intValue).sum() + " messages ("
                + delivered() + " distinct), source " + inSource.values().stream().mapToInt(Integer::intValue).sum()
                + " (" + remaining() + " distinct), duplicates " + duplicates() + "; in source: " + inSource.keySet();
    }
}
