package dev.sqsredrive.mover;

import java.time.Duration;

/**
 * Gives up on an endpoint that has stopped answering: checked every tick, it says once on stderr what the
 * run is waiting for after one read timeout of silence, and after {@link #limit} (two attempts of the
 * longest call, a long poll) it ends the run with one line naming the endpoint and the calls that did not
 * answer. Without this, every worker and every visibility change would retry into the silence in turn.
 */
final class SilenceGuard {

    /** The endpoint did not answer: what stops the run. */
    static final class EndpointSilent extends RuntimeException {
        EndpointSilent(String message) {
            super(message);
        }
    }

    private final AnswerWatch watch;
    private final Duration attemptTimeout;
    private final Duration limit;
    private boolean told;

    SilenceGuard(AnswerWatch watch, Duration attemptTimeout, int waitSeconds) {
        this.watch = watch;
        this.attemptTimeout = attemptTimeout;
        this.limit = attemptTimeout.plusSeconds(waitSeconds).multipliedBy(2);
    }

    /** @return the error to stop the run with, or null to go on */
    EndpointSilent check(ProgressListener listener) {
        Duration silence = watch.silence();
        if (silence.compareTo(limit) > 0) {
            return new EndpointSilent(describe(silence));
        }
        if (silence.compareTo(attemptTimeout) < 0) {
            told = false;
        } else if (!told) {
            told = true;
            listener.note("waiting for an answer from " + watch.silentEndpoint() + ": " + watch.silentCalls()
                    + " got none for " + seconds(silence) + "; the run gives up after " + seconds(limit));
        }
        return null;
    }

    /** True while calls go unanswered: an error without an answer is then best told as the endpoint's silence. */
    boolean silent() {
        return watch.silence().compareTo(Duration.ZERO) > 0;
    }

    String describe(Duration silence) {
        return "no answer from " + watch.silentEndpoint() + " for " + seconds(silence) + ": "
                + watch.silentCalls() + " did not answer (each attempt waits --cli-read-timeout, "
                + seconds(attemptTimeout) + ")";
    }

    String describe() {
        return describe(watch.silence());
    }

    private static String seconds(Duration d) {
        return Math.round(d.toMillis() / 1000.0) + "s";
    }
}
