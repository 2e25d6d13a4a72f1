package dev.sqsredrive.matrix;

import java.util.List;

/**
 * What a case moves through: a queue to a queue, a DLQ exported to a file, or a file imported into a queue.
 * A file has no SQS calls of its own, so a proxy fault can only strike the SQS side of a file case.
 */
enum Via {
    QUEUE("client", List.of("ReceiveMessage", "SendMessageBatch", "DeleteMessageBatch")),
    /** `start DLQ --to file:PATH`: receives and deletes on the DLQ, writes the file. */
    EXPORT("export", List.of("ReceiveMessage", "DeleteMessageBatch")),
    /** `start file:PATH --to DEST`: reads the file, sends to DEST. */
    IMPORT("import", List.of("SendMessageBatch"));

    final String label;
    private final List<String> sqsCalls;

    Via(String label, List<String> sqsCalls) {
        this.label = label;
        this.sqsCalls = sqsCalls;
    }

    /** The calls of this side a fault kind can hit (none: the kind does not apply). */
    List<String> calls(FaultKind kind) {
        return kind.clientCalls.stream().filter(sqsCalls::contains).toList();
    }

    /** Proxy faults that hit a call of this side, and a kill then resume; the other process faults are the queue's. */
    boolean applies(FaultKind kind) {
        if (this == QUEUE) {
            return true;
        }
        if (kind.where == FaultKind.Where.LEDGER) {
            return false; // a story of its own, run once per queue type
        }
        return kind == FaultKind.SIGKILL_RESUME || kind.where == FaultKind.Where.PROXY && !calls(kind).isEmpty();
    }
}
