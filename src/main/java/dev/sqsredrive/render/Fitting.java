package dev.sqsredrive.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits one line of fields into a width: the least important field is shortened or dropped first, one
 * step at a time, until the line fits; only then is the line cut, with an ellipsis. This is what keeps
 * the live view readable on a narrow terminal instead of wrapping into garbage.
 */
final class Fitting {

    static final String GAP = "  ";

    /**
     * A field and its shorter forms, longest first; an empty form means the field is left out. Each step
     * to a shorter form has a rank: of all the steps still possible, the highest rank is taken first.
     */
    record Field(List<String> forms, List<Integer> ranks) {

        /** A field that is never shortened. */
        static Field of(String form) {
            return new Field(List.of(form), List.of());
        }

        /** This field, which may also be shortened to {@code form} at the given rank. */
        Field or(int rank, String form) {
            List<String> f = new ArrayList<>(forms);
            f.add(form);
            List<Integer> r = new ArrayList<>(ranks);
            r.add(rank);
            return new Field(List.copyOf(f), List.copyOf(r));
        }
    }

    private Fitting() {
    }

    /** The fields joined by two spaces, reduced until the line is at most {@code max} columns. */
    static String fit(List<Field> fields, int max, String ellipsis) {
        int[] step = new int[fields.size()];
        String line = join(fields, step);
        while (line.length() > max) {
            int victim = -1;
            for (int i = 0; i < fields.size(); i++) {
                List<Integer> ranks = fields.get(i).ranks();
                if (step[i] < ranks.size()
                        && (victim < 0 || ranks.get(step[i]) >= fields.get(victim).ranks().get(step[victim]))) {
                    victim = i;
                }
            }
            if (victim < 0) {
                return cut(line, max, ellipsis);
            }
            step[victim]++;
            line = join(fields, step);
        }
        return line;
    }

    private static String join(List<Field> fields, int[] step) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String form = fields.get(i).forms().get(step[i]);
            if (!form.isEmpty()) {
                parts.add(form);
            }
        }
        return String.join(GAP, parts);
    }

    /** The line cut to {@code max} columns, ending in the ellipsis when something was cut. */
    static String cut(String line, int max, String ellipsis) {
        if (line.length() <= max) {
            return line;
        }
        if (max <= ellipsis.length() + 1) {
            return line.substring(0, Math.max(0, max));
        }
        return line.substring(0, max - ellipsis.length()) + ellipsis;
    }

    /** A name cut in the middle, keeping its start and its end (where '-dlq' or '.fifo' usually is). */
    static String middle(String name, int max, String ellipsis) {
        if (name.length() <= max) {
            return name;
        }
        if (max <= ellipsis.length() + 1) {
            return cut(name, max, ellipsis);
        }
        int keep = max - ellipsis.length();
        int head = (keep + 1) / 2;
        return name.substring(0, head) + ellipsis + name.substring(name.length() - (keep - head));
    }
}
