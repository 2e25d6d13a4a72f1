package dev.sqsredrive.render;

/**
 * A move's count against its total, coherent when the DLQ grows during the move: the total is what the DLQ
 * held at the start (a native task's ApproximateNumberOfMessagesToMove, a client-side run's depth), so a
 * count past it is told as "N at the start, M arrived since", never as N/M with N above M.
 */
final class ToMove {

    private ToMove() {
    }

    /** "120/300", "494 (200 at the start, 294 arrived since)", or "120" with no total to tell. */
    static String moved(long moved, Long toMove) {
        if (!known(toMove)) {
            return Long.toString(moved);
        }
        if (moved <= toMove) {
            return moved + "/" + toMove;
        }
        return moved + " (" + toMove + " at the start, " + (moved - toMove) + " arrived since)";
    }

    /** The TO MOVE column: "200", "200 +294 since", or "-". */
    static String column(long moved, Long toMove) {
        if (!known(toMove)) {
            return toMove == null ? "-" : Long.toString(toMove);
        }
        return moved <= toMove ? Long.toString(toMove) : toMove + " +" + (moved - toMove) + " since";
    }

    /** A total of 0 says nothing: ElasticMQ reports it once a native task completes. */
    private static boolean known(Long toMove) {
        return toMove != null && toMove > 0;
    }
}
