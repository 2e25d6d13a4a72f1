package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.task.Sleeper;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs a batch call until every entry is confirmed or refused for good. Throttling, server faults and
 * lost connections (whole call) and entries SQS marks as not the sender's fault are retried with
 * exponential backoff; sender faults are final at once. The mover's SDK client does not retry by itself,
 * so that every lost answer is seen here: a call that failed without an answer (connection reset, timeout)
 * may have been carried out anyway, and a send retried after one may deliver a message twice.
 */
public final class Retry {

    /** With the backoff below, about 11 s of trying: enough to ride out a throttling burst. */
    public static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /**
     * @param succeeded  ids SQS confirmed
     * @param failed     ids refused for good, with the last error
     * @param unanswered ids that were in an attempt that failed without an answer: SQS may have done them
     *                   anyway. An error answer (throttled, 5xx) says the call was not carried out, so it
     *                   leaves nothing unanswered
     */
    public record Outcome(Set<String> succeeded, Map<String, EntryError> failed, Set<String> unanswered) {

        /** True when some attempt may have been carried out without SQS saying so. */
        public boolean ambiguous() {
            return !unanswered.isEmpty();
        }
    }

    private final Sleeper sleeper;

    public Retry(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    public static boolean retryable(EntryError e) {
        return !e.senderFault();
    }

    public static boolean retryable(Throwable e) {
        return AwsErrors.isRetryable(e);
    }

    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /**
     * @param beforeAttempt runs before every attempt (e.g. to extend the held messages' visibility)
     * @throws SdkException when a whole call fails with an error that retrying cannot fix
     */
    public <E> Outcome run(List<E> entries, Function<E, String> idOf, Function<List<E>, BatchResult> call,
                           Runnable beforeAttempt) throws InterruptedException {
        Set<String> succeeded = new HashSet<>();
        Map<String, EntryError> failed = new HashMap<>();
        List<E> remaining = entries;
        Set<String> unanswered = new HashSet<>();
        Map<String, EntryError> lastErrors = new HashMap<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !remaining.isEmpty(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(backoff(attempt - 1));
            }
            beforeAttempt.run();
            List<E> again = new ArrayList<>();
            try {
                BatchResult result = call.apply(remaining);
                succeeded.addAll(result.succeeded());
                for (E e : remaining) {
                    String id = idOf.apply(e);
                    EntryError error = result.failed().get(id);
                    if (error == null && !result.succeeded().contains(id)) {
                        error = new EntryError("NoResult", "SQS reported nothing for this entry", false);
                    }
                    if (error == null) {
                        continue;
                    }
                    if (retryable(error)) {
                        again.add(e);
                        lastErrors.put(id, error);
                    } else {
                        failed.put(id, error);
                    }
                }
            } catch (SdkException e) {
                if (!retryable(e)) {
                    throw e;
                }
                boolean noAnswer = noAnswer(e);
                EntryError error = new EntryError(errorCode(e), e.getMessage(), false);
                for (E entry : remaining) {
                    lastErrors.put(idOf.apply(entry), error);
                    if (noAnswer) {
                        unanswered.add(idOf.apply(entry));
                    }
                }
                again = remaining;
            }
            remaining = again;
        }
        for (E e : remaining) {
            String id = idOf.apply(e);
            failed.put(id, lastErrors.get(id));
        }
        return new Outcome(succeeded, failed, unanswered);
    }

    /** A failure without an answer from SQS: the request may have been carried out. */
    static boolean noAnswer(SdkException e) {
        return !(e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException);
    }

    private static String errorCode(SdkException e) {
        String code = AwsErrors.errorCode(e);
        return code.isEmpty() ? e.getClass().getSimpleName() : code;
    }
}
