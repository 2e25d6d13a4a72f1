package dev.sqsredrive.render;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sqsredrive.render.Fitting.Field;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;

/**
 * What the live view shows for one state of a task, as plain lines that each fit the terminal's width
 * (one column is left free, so no terminal ever wraps them). A pure function of its inputs: the terminal
 * only draws what this returns.
 *
 * <pre>
 * RUNNING  orders-dlq → each message's origin  limit 50/s  native
 * [██████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]  36%
 * 120/330 moved  ETA 6s  35.2 msg/s  elapsed 4s
 * </pre>
 *
 * Narrower, the least useful fields go first (kind, rate limit, elapsed, then the measured rate), names
 * are cut in the middle, and below a few columns the lines are cut with an ellipsis.
 */
public final class ProgressLayout {

    /** A wider bar says nothing more; it only moves the percentage away from the eye. */
    static final int MAX_BAR = 60;
    private static final int MIN_BAR = 5;
    private static final int MIN_NAME = 3;

    private ProgressLayout() {
    }

    /**
     * @param task     the task as last polled
     * @param measured the measured rate in messages per second, or null while unknown
     * @param now      when the task was polled
     * @param width    the terminal's width in columns
     */
    public static List<String> lines(MoveTask task, Double measured, Instant now, int width, Glyphs glyphs) {
        int max = Math.max(1, width - 1);
        List<String> lines = new ArrayList<>();
        lines.add(Fitting.fit(header(task, glyphs), max, glyphs.ellipsis()));
        String bar = bar(task, max, glyphs);
        if (bar != null) {
            lines.add(bar);
        }
        lines.add(Fitting.fit(numbers(task, measured, now), max, glyphs.ellipsis()));
        if (task.failureReason() != null) {
            lines.add(Fitting.cut("reason: " + task.failureReason(), max, glyphs.ellipsis()));
        }
        return lines;
    }

    private static List<Field> header(MoveTask task, Glyphs glyphs) {
        String source = TaskText.name(task.sourceArn());
        String destination = TaskText.destination(task.destinationArn());
        return List.of(
                Field.of(0, task.status().name()),
                new Field(1, routes(source, destination, glyphs)),
                Field.of(3, "limit " + TaskText.rate(task.rate()), ""),
                Field.of(4, task.kind().name().toLowerCase(Locale.ROOT), ""));
    }

    /** "source → destination" at every length from whole down to a few letters of each name. */
    static List<String> routes(String source, String destination, Glyphs glyphs) {
        String arrow = " " + glyphs.arrow() + " ";
        List<String> forms = new ArrayList<>();
        int full = source.length() + destination.length();
        for (int names = full; names >= 2 * MIN_NAME; names--) {
            int half = names / 2;
            int src = Math.min(source.length(), Math.max(half, names - destination.length()));
            int dst = Math.min(destination.length(), names - src);
            String form = Fitting.middle(source, src, glyphs.ellipsis()) + arrow
                    + Fitting.middle(destination, dst, glyphs.ellipsis());
            if (forms.isEmpty() || !forms.get(forms.size() - 1).equals(form)) {
                forms.add(form);
            }
        }
        return forms;
    }

    /** "[████░░░░]  42%", or null when there is no total to measure against. */
    static String bar(MoveTask task, int max, Glyphs glyphs) {
        boolean completed = task.status() == TaskStatus.COMPLETED;
        if (TaskText.total(task) == null && !completed) {
            return null;
        }
        int percent = percent(task);
        String label = String.format(Locale.ROOT, "%4d%%", percent);
        int cells = Math.min(MAX_BAR, max - 2 - 1 - label.length());
        if (cells < MIN_BAR) {
            return label.strip();
        }
        int done = completed ? cells : (int) Math.floor(cells * (percent / 100.0));
        return "[" + glyphs.filled().repeat(done) + glyphs.empty().repeat(cells - done) + "] " + label;
    }

    /** Whole percent done; 100 only once COMPLETED or every counted message moved (counts lag). */
    static int percent(MoveTask task) {
        if (task.status() == TaskStatus.COMPLETED) {
            return 100;
        }
        Long total = TaskText.total(task);
        if (total == null || total <= 0) {
            return task.toMove() != null && task.moved() > 0 ? 100 : 0;
        }
        long p = task.moved() * 100 / total;
        return (int) Math.max(0, Math.min(task.moved() >= total ? 100 : 99, p));
    }

    private static List<Field> numbers(MoveTask task, Double measured, Instant now) {
        Long total = TaskText.total(task);
        String counts = total == null ? Long.toString(task.moved()) : task.moved() + "/" + total;
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(0, counts + " moved", counts));
        Duration elapsed = task.startedAt() == null ? null : nonNegative(Duration.between(task.startedAt(), now));
        if (task.status().terminal()) {
            if (elapsed != null) {
                fields.add(Field.of(2, "took " + duration(elapsed), ""));
            }
            return fields;
        }
        fields.add(Field.of(1, "ETA " + eta(task, measured), ""));
        String rate = measured == null ? "?" : String.format(Locale.ROOT, "%.1f", measured);
        fields.add(Field.of(2, rate + " msg/s", rate + "/s", ""));
        if (elapsed != null) {
            fields.add(Field.of(3, "elapsed " + duration(elapsed), ""));
        }
        return fields;
    }

    /** Time left at the measured rate: "?" while the rate is unknown or nothing is moving. */
    static String eta(MoveTask task, Double measured) {
        Long total = TaskText.total(task);
        if (total == null) {
            return "?";
        }
        long left = total - task.moved();
        if (left <= 0) {
            return "0s";
        }
        if (measured == null || measured <= 0) {
            return "?";
        }
        return duration(Duration.ofSeconds((long) Math.ceil(left / measured)));
    }

    /** 42s, 5m03s, 2h05m: as precise as a person reading it at a glance needs. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
