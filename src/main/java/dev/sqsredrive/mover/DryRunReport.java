package dev.sqsredrive.mover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/** What a dry run found: how many messages would go where, and a few of them to look at. */
public final class DryRunReport {

    /** Samples kept per destination. */
    public static final int SAMPLES_PER_DESTINATION = 3;
    private static final int VALUE_PREVIEW = 60;

    /**
     * One sampled message: never its body unless asked for.
     *
     * @param attributes name to "Type: value" (binary values as their length only)
     * @param body       null unless --show-bodies
     */
    public record Sample(String messageId, long size, String destination, Map<String, String> attributes,
                         String body) {
    }

    private final boolean showBodies;
    private final Map<String, Long> perDestination = new TreeMap<>();
    private final List<Sample> samples = new ArrayList<>();

    public DryRunReport(boolean showBodies) {
        this.showBodies = showBodies;
    }

    synchronized void add(String destinationName, Msg m) {
        long n = perDestination.merge(destinationName, 1L, Long::sum);
        if (n <= SAMPLES_PER_DESTINATION) {
            samples.add(new Sample(m.id(), MessageCopy.size(m), destinationName, attributes(m),
                    showBodies ? m.body() : null));
        }
    }

    public synchronized Map<String, Long> perDestination() {
        return new TreeMap<>(perDestination);
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    private static Map<String, String> attributes(Msg m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, MsgAttribute> a : new TreeMap<>(m.attributes()).entrySet()) {
            MsgAttribute v = a.getValue();
            String value = v.binaryValue() != null
                    ? "(" + v.binaryValue().length + " bytes)"
                    : preview(v.stringValue());
            out.put(a.getKey(), v.dataType() + ": " + value);
        }
        return out;
    }

    private static String preview(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= VALUE_PREVIEW ? s : s.substring(0, VALUE_PREVIEW) + "…";
    }
}
