package dev.sqsredrive.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A message file as the matrix counts it: each line's body and FIFO group, in file order, and the lines that
 * do not parse (a half line a crash must never leave behind).
 *
 * @param groups each line's MessageGroupId, null for a standard queue's message
 */
record FileLines(List<String> bodies, List<String> groups, List<String> broken) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file as it is now (no file yet: no lines). */
    static FileLines read(Path file) {
        List<String> bodies = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return new FileLines(bodies, groups, broken);
            }
            for (String line : Files.readAllLines(file)) {
                try {
                    JsonNode n = JSON.readTree(line);
                    bodies.add(n.path("body").asText());
                    groups.add(n.path("system").path("MessageGroupId").asText(null));
                } catch (IOException e) {
                    broken.add(line.length() > 80 ? line.substring(0, 80) + "…" : line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileLines(bodies, groups, broken);
    }

    int size() {
        return bodies.size() + broken.size();
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        bodies.forEach(b -> counts.merge(b, 1, Integer::sum));
        return counts;
    }

    /**
     * FIFO order, group by group: the first copy of each message (bodies end in their send order, "-N") must
     * come after the first copy of every earlier one of its group; a later copy is a duplicate, counted apart.
     * Returns each group whose order broke, in words.
     */
    static List<String> orderBroken(List<String> groups, List<String> bodies) {
        Map<String, List<Integer>> firsts = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            if (groups.get(i) != null && seen.add(bodies.get(i))) {
                String body = bodies.get(i);
                firsts.computeIfAbsent(groups.get(i), g -> new ArrayList<>())
                        .add(Integer.parseInt(body.substring(body.lastIndexOf('-') + 1)));
            }
        }
        List<String> problems = new ArrayList<>();
        firsts.forEach((group, order) -> {
            if (!order.equals(order.stream().sorted().toList())) {
                problems.add("group " + group + " out of order: " + order);
            }
        });
        return problems;
    }
}
