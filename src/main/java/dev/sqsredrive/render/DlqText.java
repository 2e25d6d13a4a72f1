package dev.sqsredrive.render;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.aws.DeadLetterQueues.Dlq;
import dev.sqsredrive.task.MoveTask;
import dev.sqsredrive.task.TaskCodec;

/** How the DLQs of a region read in `list` without a queue: where an operator starts. */
public final class DlqText {

    /** Source queues named in a row before the rest are counted. */
    static final int SOURCES_SHOWN = 3;

    private DlqText() {
    }

    public static List<String> table(List<Dlq> dlqs, List<Optional<MoveTask>> latest) {
        Table t = new Table("DLQ", "VISIBLE", "IN FLIGHT", "SOURCES", "LATEST TASK", "MOVED", "STARTED", "KIND",
                "HANDLE");
        for (int i = 0; i < dlqs.size(); i++) {
            Dlq d = dlqs.get(i);
            Optional<MoveTask> task = latest.get(i);
            t.row(TaskText.name(d.arn()), count(d.visible()), count(d.inFlight()), sources(d.sourceArns()),
                    task.map(x -> x.status().name()).orElse("-"),
                    task.map(x -> Long.toString(x.moved())).orElse("-"),
                    task.map(x -> TaskText.when(x.startedAt())).orElse("-"),
                    task.map(x -> x.kind().name().toLowerCase(Locale.ROOT)).orElse("-"),
                    task.map(MoveTask::taskHandle).orElse("-"));
        }
        return t.lines();
    }

    public static ObjectNode json(Dlq d, Optional<MoveTask> latest) {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        n.put("queueArn", d.arn());
        n.put("queueUrl", d.url());
        n.put("approximateNumberOfMessages", d.visible());
        n.put("approximateNumberOfMessagesNotVisible", d.inFlight());
        d.sourceArns().forEach(n.putArray("sourceArns")::add);
        if (latest.isPresent()) {
            n.set("latestTask", TaskCodec.toJson(latest.get()));
        } else {
            n.putNull("latestTask");
        }
        return n;
    }

    private static String count(Long n) {
        return n == null ? "-" : Long.toString(n);
    }

    private static String sources(List<String> arns) {
        List<String> names = arns.stream().map(TaskText::name).toList();
        if (names.size() <= SOURCES_SHOWN) {
            return String.join(",", names);
        }
        return String.join(",", names.subList(0, SOURCES_SHOWN)) + " +" + (names.size() - SOURCES_SHOWN) + " more";
    }
}
