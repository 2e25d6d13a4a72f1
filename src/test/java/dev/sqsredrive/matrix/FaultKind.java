package dev.sqsredrive.matrix;

import java.util.List;

/**
 * The faults of the matrix, and the calls each can hit. Proxy faults sit between the tool and ElasticMQ;
 * process faults are signals to a real `redrive` process; the last is two movers started at once.
 */
enum FaultKind {
    HTTP_500(Where.PROXY, "HTTP 500", Calls.MOVER),
    HTTP_503(Where.PROXY, "HTTP 503", Calls.MOVER),
    THROTTLED_JSON(Where.PROXY, "RequestThrottled (JSON)", Calls.MOVER),
    THROTTLED_XML(Where.PROXY, "RequestThrottled (XML)", Calls.MOVER),
    KMS_THROTTLED_JSON(Where.PROXY, "KMS.ThrottlingException (JSON)", Calls.MOVER),
    KMS_THROTTLED_XML(Where.PROXY, "KMS.ThrottlingException (XML)", Calls.MOVER),
    RESET_BEFORE(Where.PROXY, "reset before the server acted", Calls.MOVER),
    RESET_AFTER(Where.PROXY, "reset after the server acted", Calls.BATCHES),
    LATENCY_PAST_VISIBILITY(Where.PROXY, "latency beyond the visibility timeout", Calls.BATCHES),
    STALL(Where.PROXY, "stall longer than the call timeout", Calls.MOVER),
    PARTIAL_SENDER(Where.PROXY, "partial batch failure, sender fault", Calls.BATCHES),
    PARTIAL_RECEIVER(Where.PROXY, "partial batch failure, receiver fault", Calls.BATCHES),
    SIGKILL_RESUME(Where.PROCESS, "SIGKILL, then resume", List.of()),
    SIGKILL_DURING_RESUME(Where.PROCESS, "SIGKILL, resume, SIGKILL of the resume, resume", List.of()),
    SIGSTOP_PAST_VISIBILITY(Where.PROCESS, "SIGSTOP past the visibility timeout, SIGCONT", List.of()),
    TWO_MOVERS(Where.PROCESS, "two movers on one DLQ at the same moment", List.of()),
    PARTIAL_STORED(Where.PROXY, "partial batch failure, server-side, stored anyway", List.of("SendMessageBatch")),
    ARCHIVE_FULL(Where.LEDGER, "archive on a full disk", List.of()),
    ARCHIVE_FILLED(Where.LEDGER, "archive's disk filled by another writer mid-move", List.of()),
    IMPORT_AGAIN(Where.LEDGER, "import repeated after COMPLETED, refused, then --again", List.of());

    /** LEDGER: the cases of LedgerCases, each a whole story of its own (a full disk, a repeated import). */
    enum Where { PROXY, PROCESS, LEDGER }

    /** Kinds added after the sample's seeded picks were fixed: the sample takes them at its end. */
    static final java.util.Set<FaultKind> LATER = java.util.EnumSet.of(PARTIAL_STORED, ARCHIVE_FULL, ARCHIVE_FILLED,
            IMPORT_AGAIN);

    /** The calls a fault can be aimed at. */
    static final class Calls {
        static final List<String> MOVER = List.of("ReceiveMessage", "SendMessageBatch", "DeleteMessageBatch");
        static final List<String> BATCHES = List.of("SendMessageBatch", "DeleteMessageBatch");
        /** What a native start and watch call: ElasticMQ moves the messages itself, out of the proxy's reach. */
        static final List<String> NATIVE = List.of("StartMessageMoveTask", "ListMessageMoveTasks");

        private Calls() {
        }
    }

    final Where where;
    final String label;
    final List<String> clientCalls;

    FaultKind(Where where, String label, List<String> clientCalls) {
        this.where = where;
        this.label = label;
        this.clientCalls = clientCalls;
    }

    /** Native move tasks run inside the server: only the answers to the tool's own calls can be broken. */
    boolean appliesToNative() {
        return switch (this) {
            case HTTP_500, HTTP_503, THROTTLED_JSON, THROTTLED_XML, KMS_THROTTLED_JSON, KMS_THROTTLED_XML,
                 RESET_BEFORE, RESET_AFTER -> true;
            default -> false;
        };
    }
}
