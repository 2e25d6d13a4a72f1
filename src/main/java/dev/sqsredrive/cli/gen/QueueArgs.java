package dev.sqsredrive.cli.gen;

import java.util.Set;

import picocli.CommandLine.Model.ArgSpec;

/**
 * Which arguments take a queue, so the completion scripts can offer queue names for them. Decided by the
 * parameter label, the name the help shows (SOURCE, DEST, QUEUE, or a choice such as HANDLE|SOURCE):
 * a new option labelled that way completes queues without any change here.
 */
public final class QueueArgs {

    private static final Set<String> QUEUE_LABELS = Set.of("SOURCE", "DEST", "QUEUE");

    private QueueArgs() {
    }

    public static boolean takesQueue(ArgSpec arg) {
        if (arg.typeInfo().isBoolean()) {
            return false;
        }
        for (String part : arg.paramLabel().replaceAll("[<>\\[\\]]", "").split("\\|")) {
            if (QUEUE_LABELS.contains(part.strip())) {
                return true;
            }
        }
        return false;
    }
}
