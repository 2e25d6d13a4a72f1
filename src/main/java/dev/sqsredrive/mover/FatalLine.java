package dev.sqsredrive.mover;

import dev.sqsredrive.aws.QueueArns;

/**
 * The one line a run that ended on an error gives as its summary's error: a silent endpoint said as the silence
 * guard tells it, a failed call as its kind of queue describes it, anything else by its own message; and,
 * where held messages could not be released, when they come back.
 */
final class FatalLine {

    private FatalLine() {
    }

    /**
     * @param sourceArn   the DLQ, named in a failed call's line
     * @param notReleased held messages the end of the run could not release
     */
    static String of(RuntimeException e, CallFailures failures, SilenceGuard silence, String sourceArn,
                     int notReleased) {
        String unreleased = notReleased == 0 ? "" : "; " + notReleased + " held message(s) could not be released:"
                + " they become visible again when their visibility timeout runs out";
        if (e instanceof SilenceGuard.EndpointSilent) {
            return e.getMessage() + unreleased;
        }
        CallFailure failure = failures.classify(e);
        if (failure != null && failure.noAnswer() && silence.silent()) {
            return silence.describe() + unreleased;
        }
        if (failure != null) {
            return failures.describe(e, "the move from '" + QueueArns.name(sourceArn) + "'");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
