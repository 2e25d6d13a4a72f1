package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

import dev.sqsredrive.time.Ticker;
import dev.sqsredrive.time.Sleeper;

/**
 * Runs a batch call until every entry is confirmed or refused for good. Throttling, server faults and
 * lost connections (whole call) and entries SQS marks as not the sender's fault are retried with
 * exponential backoff; sender faults are final at once. The mover's SDK client does not retry by itself,
 * so that every lost answer is seen here: a call that failed without an answer (connection reset, timeout)
 * may have been carried out anyway, and a send retried after one may deliver a message twice.
 * <p>
 * Bounded in time as well as in attempts: no attempt starts after the budget (counted from the first) or
 * after the run's stop deadline, so an endpoint that does not answer costs a bounded time, not eight
 * read timeouts.
 */
public final class Retry {

    /** With the backoff below, about 11 s of trying: enough to ride out a throttling burst. */
    public static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /**
     * @param succeeded  ids SQS confirmed
     * @param failed     ids refused for good, with the last error
     * @param unanswered ids whose outcome some attempt left unknown: SQS may have done them anyway. A call
     *                   that failed without an answer (reset, timeout), or an entry failed on the server's side
     *                   ({@link EntryError#outcomeUnknown}). An error answer to the whole call (throttled,
     *                   5xx) says the call was not carried out, so it leaves nothing unanswered
     * @param messageIds of a send: the MessageId the destination gave each entry it stored, where it said
     *                   (confirmed, or failed as {@link EntryError#mismatched})
     * @param unrecorded of succeeded: confirmed, but a local write that had to follow failed
     *                   ({@link DeliveredUnrecorded}): not to be deleted
     * @param stoppedBy  that write's failure, which ends the run once the outcome is recorded; else null
     */
    public record Outcome(Set<String> succeeded, Map<String, EntryError> failed, Set<String> unanswered,
                          Map<String, String> messageIds, Set<String> unrecorded, RuntimeException stoppedBy) {

        public Outcome(Set<String> succeeded, Map<String, EntryError> failed, Set<String> unanswered) {
            this(succeeded, failed, unanswered, Map.of(), Set.of(), null);
        }

        /** True when some attempt may have been carried out without SQS saying so. */
        public boolean ambiguous() {
            return !unanswered.isEmpty();
        }
    }

    /** The backoff of every retry added up: what riding out throttling needs (about 11 s). */
    public static final Duration RIDE_OUT = rideOut();

    private final Sleeper sleeper;
    private final Ticker ticker;
    private final Duration budget;
    private final LongSupplier stopBy;
    private final CallFailures failures;

    /** Retries with no bound but {@link #MAX_ATTEMPTS}. */
    public Retry(Sleeper sleeper, Ticker ticker, CallFailures failures) {
        this(sleeper, ticker, Duration.ofDays(1), () -> Long.MAX_VALUE, failures);
    }

    /**
     * @param budget longest time from the first attempt to the start of the last one
     * @param stopBy   ticker time after which no attempt starts (the run is stopping); Long.MAX_VALUE for none
     * @param failures what a failed call means: whether to retry it, whether it got an answer
     */
    public Retry(Sleeper sleeper, Ticker ticker, Duration budget, LongSupplier stopBy, CallFailures failures) {
        this.sleeper = sleeper;
        this.ticker = ticker;
        this.budget = budget;
        this.stopBy = stopBy;
        this.failures = failures;
    }

    /**
     * A run's retries: a call given up after twice the read timeout, as the SDK's own call timeout does, but
     * never before throttling has been ridden out; and no retry once a stop's grace is over ({@code stopBy}).
     */
    static Retry forRun(Clocks clocks, Duration attemptTimeout, LongSupplier stopBy,
                        CallFailures failures) {
        Duration budget = attemptTimeout.multipliedBy(2);
        return new Retry(clocks.sleeper(), clocks.ticker(), budget.compareTo(RIDE_OUT) > 0 ? budget : RIDE_OUT,
                stopBy, failures);
    }

    /** What the back-offs wait on: the run's injected sleeper, for the visibility calls' bounded waits too. */
    Sleeper sleeper() {
        return sleeper;
    }

    /** The same retries, none starting later than this from now (instead of at the run's stop deadline). */
    Retry within(Duration time) {
        long deadline = saturatedAdd(ticker.nanos(), time.toNanos());
        return new Retry(sleeper, ticker, budget, () -> deadline, failures);
    }

    private static Duration rideOut() {
        Duration sum = Duration.ZERO;
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            sum = sum.plus(backoff(attempt));
        }
        return sum;
    }

    /** What a failed call means, as the retries read it. */
    CallFailures failures() {
        return failures;
    }

    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /**
     * @param beforeAttempt runs before every attempt (e.g. to extend the held messages' visibility)
     * @throws RuntimeException the call's own, when a whole call fails with an error retrying cannot fix
     */
    public <E> Outcome run(List<E> entries, Function<E, String> idOf, Function<List<E>, BatchResult> call,
                           Runnable beforeAttempt) throws InterruptedException {
        Set<String> succeeded = new HashSet<>();
        Map<String, String> messageIds = new HashMap<>();
        Map<String, EntryError> failed = new HashMap<>();
        List<E> remaining = entries;
        Set<String> unanswered = new HashSet<>();
        Set<String> unrecorded = new HashSet<>();
        RuntimeException stoppedBy = null;
        Map<String, EntryError> lastErrors = new HashMap<>();
        long giveUpAt = saturatedAdd(ticker.nanos(), budget.toNanos());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !remaining.isEmpty(); attempt++) {
            if (attempt > 1) {
                Duration pause = backoff(attempt - 1);
                long next = saturatedAdd(ticker.nanos(), pause.toNanos());
                if (next > giveUpAt || next > stopBy.getAsLong()) {
                    break; // out of time: what is left fails with its last error
                }
                sleeper.sleep(pause);
            } else if (ticker.nanos() > stopBy.getAsLong()) {
                for (E e : remaining) {
                    lastErrors.put(idOf.apply(e), new EntryError(EntryError.NOT_ATTEMPTED, "the run is stopping",
                            false));
                }
                break;
            }
            beforeAttempt.run();
            BatchResult result;
            try {
                result = call.apply(remaining);
            } catch (DeliveredUnrecorded d) {
                // What the destination confirmed is delivered whatever followed; nothing is tried again.
                result = d.delivered();
                unrecorded.addAll(result.succeeded());
                stoppedBy = d.failure();
            } catch (RuntimeException e) {
                CallFailure failure = failures.classify(e);
                if (failure == null || !failure.retryable()) {
                    throw e;
                }
                EntryError error = new EntryError(failure.code(), failure.message(), false);
                for (E entry : remaining) {
                    lastErrors.put(idOf.apply(entry), error);
                    if (failure.noAnswer()) {
                        unanswered.add(idOf.apply(entry));
                    }
                }
                continue; // the whole call again
            }
            succeeded.addAll(result.succeeded());
            messageIds.putAll(result.messageIds());
            List<E> again = new ArrayList<>();
            for (E e : remaining) {
                String id = idOf.apply(e);
                EntryError error = result.failed().get(id);
                if (error == null && !result.succeeded().contains(id)) {
                    error = new EntryError("NoResult", "SQS reported nothing for this entry", false);
                }
                if (error == null) {
                    continue;
                }
                if (error.outcomeUnknown()) {
                    unanswered.add(id); // failed on the server's side: it may have been stored anyway
                }
                if (error.retryable()) {
                    again.add(e);
                    lastErrors.put(id, error);
                } else {
                    failed.put(id, error);
                }
            }
            remaining = again;
            if (stoppedBy != null) {
                break;
            }
        }
        for (E e : remaining) {
            String id = idOf.apply(e);
            failed.put(id, lastErrors.get(id));
        }
        return new Outcome(succeeded, failed, unanswered, messageIds, unrecorded, stoppedBy);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
