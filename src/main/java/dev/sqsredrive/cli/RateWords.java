package dev.sqsredrive.cli;

import dev.sqsredrive.render.TaskText;

/**
 * The pace a move starts at, in the words of the line `start` prints: without --rate, what "auto" means for
 * this kind of move (the line read "at auto"); below one message a second, how long each message waits,
 * the first included (the rate's bucket starts empty).
 */
final class RateWords {

    private RateWords() {
    }

    static String of(Double rate, boolean nativeTask) {
        if (rate == null) {
            return nativeTask ? "at the pace SQS chooses (no --rate)" : "as fast as the queues allow (no --rate)";
        }
        String at = "at " + TaskText.rate(rate);
        return rate >= 1 ? at : at + " (one message every " + Math.round(1 / rate) + " s, the first one too)";
    }
}
