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
 * exponential backoff; sender faults are final at once. This is on top of the SDK's own retries, whose
 * shared retry quota can run dry under a burst of faults.
 */
public final class Retry {

    public static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /**
     * @param succeeded ids SQS confirmed
     * @param failed    ids refused for good, with the last error
     * @param ambiguous true when an attempt failed without an answer: SQS may have done it anyway
     */
    public record Outcome(Set<String> succeeded, Map<String, EntryError> failed, boolean ambiguous) {
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
        boolean ambiguous = false;
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
                ambiguous = true;
                EntryError error = new EntryError(errorCode(e), e.getMessage(), false);
                for (E entry : remaining) {
                    lastErrors.put(idOf.apply(entry), error);
                }
                again = remaining;
            }
            remaining = again;
        }
        for (E e : remaining) {
            String id = idOf.apply(e);
            failed.put(id, lastErrors.get(id));
        }
        return new Outcome(succeeded, failed, ambiguous);
    }

    private static String errorCode(SdkException e) {
        String code = AwsErrors.errorCode(e);
        return code.isEmpty() ? e.getClass().getSimpleName() : code;
    }
}
