package dev.sqsredrive.render;

import dev.sqsredrive.mover.AdaptiveLimit;
import dev.sqsredrive.mover.Concurrency;
import dev.sqsredrive.mover.MoverConfig;

/** The client-side mover's workers in words, as the start line, {@code -v}, the live view and progress say them. */
public final class WorkersText {

    private WorkersText() {
    }

    /** The workers now, e.g. "workers 12 (adaptive, 1 to 128)". */
    public static String now(Concurrency c) {
        return "workers " + c.current() + (c.adaptive() ? " (adaptive, " + c.min() + " to " + c.max() + ")" : "");
    }

    /**
     * The workers a run will have, before it starts: "16 workers", "adaptive workers (from 16, 1 to 128)".
     *
     * @param concurrency --concurrency N, or null for adaptive
     * @param rate        --rate, or null (an adaptive run under a rate starts with fewer)
     */
    public static String planned(Integer concurrency, Double rate) {
        return concurrency != null ? concurrency + (concurrency == 1 ? " worker" : " workers")
                : "adaptive workers (from " + AdaptiveLimit.start(rate) + ", " + AdaptiveLimit.MIN + " to "
                        + MoverConfig.MAX_CONCURRENCY + ")";
    }

}
