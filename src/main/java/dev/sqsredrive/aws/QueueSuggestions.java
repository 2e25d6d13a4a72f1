package dev.sqsredrive.aws;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Close names for a queue that does not exist, for the error message: a typo at 3 a.m. should cost one
 * retry, not a trip to the console. Bounded: one ListQueues page (up to 1000 names), and nothing at all
 * if listing is refused.
 */
public final class QueueSuggestions {

    static final int PAGE = 1000;
    static final int MAX_SUGGESTIONS = 3;

    private QueueSuggestions() {
    }

    /** Up to three names of this region's queues close to {@code wanted}; empty when none or not allowed. */
    public static List<String> near(SqsClient sqs, String wanted) {
        Set<String> names = new LinkedHashSet<>();
        try {
            names.addAll(page(sqs, null));
            if (names.size() >= PAGE && wanted.length() >= 3) {
                // A region with more queues than one page: typos are rarely in the first characters, so the
                // queues sharing the typed name's first third are asked for too.
                names.addAll(page(sqs, wanted.substring(0, Math.max(3, wanted.length() / 3))));
            }
        } catch (SdkException | RedriveException cannotList) {
            return List.of(); // a suggestion is a courtesy: the error that matters is the missing queue
        }
        return closest(wanted, names);
    }

    private static List<String> page(SqsClient sqs, String prefix) {
        return sqs.listQueues(r -> r.maxResults(PAGE).queueNamePrefix(prefix)).queueUrls().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
    }

    /**
     * Names within a few edits of {@code wanted} (a third of its length, at least 2), or containing it, or
     * contained in it; nearest first.
     */
    static List<String> closest(String wanted, Collection<String> names) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        record Scored(String name, int distance) {
        }
        return names.stream()
                .filter(n -> !n.equals(wanted))
                .map(n -> new Scored(n, distance(w, n.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= limit || contains(s.name().toLowerCase(Locale.ROOT), w))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    private static boolean contains(String name, String wanted) {
        return wanted.length() >= 4 && name.contains(wanted) || name.length() >= 4 && wanted.contains(name);
    }

    /** Levenshtein distance; queue names are at most 80 characters, so the table stays small. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** "; did you mean 'a' or 'b'?" or nothing. */
    static String phrase(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        List<String> quoted = suggestions.stream().map(s -> "'" + s + "'").toList();
        String joined = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return "; did you mean " + joined + "?";
    }
}
