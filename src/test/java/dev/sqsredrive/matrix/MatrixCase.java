package dev.sqsredrive.matrix;

/**
 * One case of the matrix: a queue type, a mode, a fault and where and how often it strikes.
 *
 * @param via       through a queue, or an export to / import from a file
 * @param operation the call the proxy breaks (null for a process fault)
 * @param first     the first call of that operation to break (1-based)
 * @param every     then every every-th call
 * @param times     at most this many times (signals: how many kills)
 * @param strikeAt  process faults: the number of messages in the destination at which the signal is sent
 * @param variant   a seeded choice inside the kind (e.g. the read timeout of a latency case)
 */
record MatrixCase(int id, FaultKind kind, boolean fifo, boolean nativeMode, Via via, String operation, int first,
                  int every, int times, int strikeAt, int variant) {

    String queueType() {
        return fifo ? "FIFO" : "standard";
    }

    String mode() {
        return nativeMode ? "native" : via.label;
    }

    /** What a row of the table says about the case. */
    String describe() {
        String where = operation == null ? " at " + strikeAt + " moved" : " on " + operation + " #" + first
                + " every " + every + " x" + times;
        return kind.label + where + (variant == 0 ? "" : " (v" + variant + ")");
    }
}
