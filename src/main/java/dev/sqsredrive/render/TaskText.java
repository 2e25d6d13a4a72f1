package dev.sqsredrive.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskStatus;

/** How a task reads in text output: table rows for list, one line per change for watch. */
public final class TaskText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private TaskText() {
    }

    /** A RETURNED column only when a task saw returns: most never do, and the table stays as it was. */
    public static List<String> table(List<MoveTask> tasks) {
        boolean returns = tasks.stream().anyMatch(t -> t.returned() > 0);
        List<String> header = new ArrayList<>(List.of("SOURCE", "STATUS", "MOVED", "TO MOVE", "RATE", "DESTINATION",
                "STARTED", "KIND", "HANDLE"));
        if (returns) {
            header.add(3, "RETURNED");
        }
        Table t = new Table(header.toArray(String[]::new));
        for (MoveTask task : tasks) {
            List<String> row = new ArrayList<>(List.of(name(task.sourceArn()), task.status().name(),
                    Long.toString(task.moved()), ToMove.column(task.moved(), task.toMove()),
                    rate(task.rate()), destination(task.destinationArn()), when(task.startedAt()),
                    task.kind().name().toLowerCase(Locale.ROOT), nullToDash(task.taskHandle())));
            if (returns) {
                row.add(3, Long.toString(task.returned()));
            }
            t.row(row.toArray(String[]::new));
        }
        return t.lines();
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }

    /** e.g. "RUNNING  120/300 moved  rate 10/s  orders-dlq -> each message's origin" */
    public static String line(MoveTask task) {
        StringBuilder sb = new StringBuilder();
        // A COMPLETED task moved all it was to move, also where the endpoint then reports 0 to move (ElasticMQ).
        Long total = task.status() == TaskStatus.COMPLETED && (task.toMove() == null || task.toMove() == 0)
                ? Long.valueOf(task.moved()) : task.toMove();
        sb.append(task.status().name()).append("  ").append(ToMove.moved(task.moved(), total)).append(" moved");
        if (task.returned() > 0) {
            sb.append("  ").append(task.returned()).append(" returned");
        }
        sb.append("  rate ").append(rate(task.rate())).append("  ")
                .append(name(task.sourceArn())).append(" -> ").append(destination(task.destinationArn()));
        if (task.failureReason() != null) {
            sb.append("  reason: ").append(task.failureReason());
        }
        return sb.toString();
    }

    public static String rate(Double rate) {
        if (rate == null) {
            return "auto";
        }
        return (rate == Math.rint(rate) ? Long.toString(rate.longValue()) : String.format(Locale.ROOT, "%.2f", rate))
                + "/s";
    }

    public static String destination(String arn) {
        return arn == null ? "each message's origin" : name(arn);
    }

    public static String name(String arn) {
        return arn == null ? "-" : QueueArns.name(arn);
    }

    public static String when(Instant t) {
        return t == null ? "-" : WHEN.format(t);
    }
}
