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
 * canary: 10 moved, waiting 42 s, 0 back
 * </pre>
 *
 * "returned N" follows the count once a moved message came back; below the numbers, a line for each guard
 * that holds a client-side run (the canary's wait, the backpressure's pause).
 *
 * A client-side task shows "client", and "no limit" when it was started without --rate.
 *
 * Narrower, the least useful fields go first (kind, rate limit, elapsed, then the measured rate), names
 * are cut in the middle, and below a few columns the lines are cut with an ellipsis.
 */
public final class ProgressLayout {

    /** A wider bar says nothing more; it only moves the percentage away from the eye. */
    static final int MAX_BAR = 60;
    private static final int MIN_BAR = 5;
    /** Fewer letters of a name than this say nothing: the name goes instead. */
    private static final int MIN_NAME = 6;

    private ProgressLayout() {
    }

    /**
     * @param task     the task as last polled
     * @param measured the measured rate in messages per second, or null while unknown
     * @param now      when the task was polled; for a task that has ended, when it was first seen ended,
     *                 or null when it had already ended at the first poll (then no duration is shown)
     * @param width    the terminal's width in columns
     */
    public static List<String> lines(MoveTask task, Double measured, Instant now, int width, Glyphs glyphs) {
        return lines(task, measured, now, width, glyphs, List.of());
    }

    /** @param guards what holds the run right now, a line each, drawn below the numbers */
    public static List<String> lines(MoveTask task, Double measured, Instant now, int width, Glyphs glyphs,
                                     List<String> guards) {
        int max = Math.max(0, width - 1);
        List<String> lines = new ArrayList<>();
        lines.add(Fitting.fit(header(task, glyphs), max, glyphs.ellipsis()));
        String bar = bar(task, max, glyphs);
        if (bar != null) {
            lines.add(Fitting.cut(bar, max, glyphs.ellipsis()));
        }
        lines.add(Fitting.fit(numbers(task, measured, now), max, glyphs.ellipsis()));
        if (task.failureReason() != null) {
            lines.add(Fitting.cut("reason: " + task.failureReason(), max, glyphs.ellipsis()));
        }
        if (!task.status().terminal()) {
            guards.forEach(g -> lines.add(Fitting.cut(glyphs.text(g), max, glyphs.ellipsis())));
        }
        return lines;
    }

    // Ranks: the higher, the sooner a field gives way when the line is too long.

    private static List<Field> header(MoveTask task, Glyphs glyphs) {
        Field route = Field.of(TaskText.name(task.sourceArn()) + " " + glyphs.arrow() + " "
                + TaskText.destination(task.destinationArn()));
        for (String shorter : routes(TaskText.name(task.sourceArn()), TaskText.destination(task.destinationArn()),
                glyphs)) {
            route = route.or(1, shorter);
        }
        return List.of(
                Field.of(task.status().name()),
                route,
                Field.of(limit(task)).or(3, ""),
                Field.of(task.kind().name().toLowerCase(Locale.ROOT)).or(4, ""));
    }

    /** A client-side run without --rate goes as fast as it can; a native one at a rate SQS chooses. */
    static String limit(MoveTask task) {
        return task.rate() == null && task.kind() == MoveTask.Kind.CLIENT ? "no limit" : "limit " + TaskText.rate(task.rate());
    }

    /**
     * Ever shorter forms of "source → destination": both names cut in the middle while each keeps a few
     * letters, then the source alone (it is what the operator typed), then the source cut too.
     */
    static List<String> routes(String source, String destination, Glyphs glyphs) {
        String arrow = " " + glyphs.arrow() + " ";
        List<String> forms = new ArrayList<>();
        for (int names = source.length() + destination.length() - 1; names >= 2 * MIN_NAME; names--) {
            int half = names / 2;
            int src = Math.min(source.length(), Math.max(half, names - destination.length()));
            int dst = Math.min(destination.length(), names - src);
            if (src < MIN_NAME || dst < MIN_NAME) {
                break;
            }
            addIfNew(forms, Fitting.middle(source, src, glyphs.ellipsis()) + arrow
                    + Fitting.middle(destination, dst, glyphs.ellipsis()));
        }
        for (int src = source.length(); src >= MIN_NAME; src--) {
            addIfNew(forms, Fitting.middle(source, src, glyphs.ellipsis()));
        }
        return forms;
    }

    private static void addIfNew(List<String> forms, String form) {
        if (forms.isEmpty() || !forms.get(forms.size() - 1).equals(form)) {
            forms.add(form);
        }
    }

    /** "[████░░░░]  42%", or null when there is no total to measure against. */
    static String bar(MoveTask task, int max, Glyphs glyphs) {
        boolean completed = task.status() == TaskStatus.COMPLETED;
        if (total(task) == null && !completed) {
            return null;
        }
        int percent = percent(task);
        String label = String.format(Locale.ROOT, "%4d%%", percent);
        int cells = Math.min(MAX_BAR, max - 2 - 1 - label.length());
        if (cells < MIN_BAR) {
            return label.strip();
        }
        int done = completed ? cells : (int) Math.floor(cells * (percent / 100.0));
        if (done == 0 && task.moved() > 0) {
            done = 1; // something moved: show it
        }
        return "[" + glyphs.filled().repeat(done) + glyphs.empty().repeat(cells - done) + "] " + label;
    }

    /** Whole percent done; 100 only once COMPLETED or every counted message moved (counts lag). */
    static int percent(MoveTask task) {
        if (task.status() == TaskStatus.COMPLETED) {
            return 100;
        }
        Long total = total(task);
        if (total == null || total <= 0) {
            return task.toMove() != null && task.moved() > 0 ? 100 : 0;
        }
        long p = task.moved() * 100 / total;
        return (int) Math.max(0, Math.min(task.moved() >= total ? 100 : 99, p));
    }

    private static List<Field> numbers(MoveTask task, Double measured, Instant now) {
        Long total = total(task);
        String counts = total == null ? Long.toString(task.moved()) : task.moved() + "/" + total;
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(counts + " moved").or(3, counts));
        if (task.returned() > 0) { // kept out of a run none came back to, whose frame stays as it was
            fields.add(Field.of("returned " + task.returned()).or(1, "ret " + task.returned()));
        }
        Duration elapsed = task.startedAt() == null || now == null ? null
                : nonNegative(Duration.between(task.startedAt(), now));
        if (task.status().terminal()) {
            if (elapsed != null) {
                fields.add(Field.of("took " + duration(elapsed)).or(4, ""));
            }
            return fields;
        }
        fields.add(Field.of("ETA " + eta(task, measured)).or(2, ""));
        String rate = measured == null ? "?" : String.format(Locale.ROOT, "%.1f", measured);
        fields.add(Field.of(rate + " msg/s").or(5, rate + "/s").or(4, ""));
        if (elapsed != null) {
            fields.add(Field.of("elapsed " + duration(elapsed)).or(6, ""));
        }
        return fields;
    }

    /**
     * The number of messages to move, when it means something: ElasticMQ reports 0 once a task completed,
     * SQS's approximate counts can pass it, and "200/0 moved" reads as nonsense.
     */
    static Long total(MoveTask task) {
        if (task.status() == TaskStatus.COMPLETED && (task.toMove() == null || task.toMove() == 0)) {
            return task.moved(); // it moved all it was to move (as TaskText says, and README shows)
        }
        return task.toMove() == null || task.toMove() < task.moved() ? null : task.toMove();
    }

    /** Time left at the measured rate: "?" while the rate is unknown or nothing is moving. */
    static String eta(MoveTask task, Double measured) {
        Long total = total(task);
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
