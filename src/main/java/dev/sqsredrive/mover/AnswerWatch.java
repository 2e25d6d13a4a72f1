package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.sqsredrive.time.Ticker;

/**
 * The mover's calls, watched for answers: how long the endpoint has been silent (a call waiting, or failed
 * without an answer, and nothing answered since), and which calls are waiting. Any answer counts, an error
 * answer too (throttled, 5xx): the endpoint is alive. A timeout, a reset or a refused connection is no
 * answer (as the kind of queue tells, {@link CallFailure#noAnswer}). The ticking thread reads this to say what the run waits for and to give up on a dead endpoint.
 * <p>
 * The concurrency limit hears of every call here too: how long each answered call took (not a receive that
 * came back empty, which waited out its long poll) and which were throttled.
 */
final class AnswerWatch {

    private final CallFailures failures;
    private final Ticker ticker;
    /** Start times of the calls under way (a start may repeat: counted). */
    private final TreeMap<Long, Integer> started = new TreeMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Set<String> unanswered = new TreeSet<>();
    private long lastAnswer;
    private long failedSince = Long.MAX_VALUE;
    private String silentEndpoint;
    private final ConcurrencyLimit limit;

    AnswerWatch(CallFailures failures, Ticker ticker, ConcurrencyLimit limit) {
        this.failures = failures;
        this.ticker = ticker;
        this.limit = limit;
        this.lastAnswer = ticker.nanos();
    }

    /** How long nothing has answered while some call waited (or failed unanswered); zero if none did. */
    synchronized Duration silence() {
        long oldest = Math.min(started.isEmpty() ? Long.MAX_VALUE : started.firstKey(), failedSince);
        if (oldest == Long.MAX_VALUE) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, ticker.nanos() - Math.max(oldest, lastAnswer)));
    }

    /** E.g. "ReceiveMessage and SendMessageBatch": the calls waiting or unanswered since the last answer. */
    synchronized String silentCalls() {
        Set<String> all = new TreeSet<>(unanswered);
        all.addAll(waiting.keySet());
        List<String> names = List.copyOf(all);
        if (names.size() <= 1) {
            return names.isEmpty() ? "no call" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    synchronized String silentEndpoint() {
        return silentEndpoint;
    }

    /** The source, with every call watched. */
    Source watch(Source source) {
        return new Source() {
            @Override
            public List<Msg> receive(int max, int waitSeconds, int visibilitySeconds) {
                return watch("ReceiveMessage", source::endpoint,
                        () -> source.receive(max, waitSeconds, visibilitySeconds), got -> !got.isEmpty());
            }

            @Override
            public BatchResult keepHidden(List<Entry> entries, int seconds) {
                return watch("ChangeMessageVisibilityBatch", source::endpoint, () -> source.keepHidden(entries, seconds));
            }

            @Override
            public BatchResult release(List<Entry> entries) {
                return watch("ChangeMessageVisibilityBatch", source::endpoint, () -> source.release(entries));
            }

            @Override
            public BatchResult delete(List<Entry> entries) {
                return watch("DeleteMessageBatch", source::endpoint, () -> source.delete(entries));
            }

            @Override
            public long approximateMessages() {
                return watch("GetQueueAttributes", source::endpoint, source::approximateMessages);
            }

            @Override
            public String endpoint() {
                return source.endpoint();
            }
        };
    }

    /** The sink, with every send watched. */
    Sink watch(Sink sink) {
        return new Sink() {
            @Override
            public BatchResult send(List<Entry> entries) {
                return watch("SendMessageBatch", sink::endpoint, () -> sink.send(entries));
            }

            @Override
            public long visibleDepth() {
                return watch("GetQueueAttributes", sink::endpoint, sink::visibleDepth);
            }

            @Override
            public String endpoint() {
                return sink.endpoint();
            }
        };
    }

    private <T> T watch(String call, Supplier<String> endpoint, Supplier<T> body) {
        return watch(call, endpoint, body, result -> true);
    }

    /** @param timed whether this answer's time says how fast the endpoint is */
    private <T> T watch(String call, Supplier<String> endpoint, Supplier<T> body, Predicate<T> timed) {
        long start = begin(call, endpoint);
        try {
            T result = body.get();
            end(start, call, true);
            if (timed.test(result)) {
                limit.callEnded(ticker.nanos() - start, false);
            }
            return result;
        } catch (RuntimeException e) {
            CallFailure failure = failures.classify(e);
            end(start, call, failure == null || !failure.noAnswer());
            if (failure != null && failure.type() == CallFailure.Type.THROTTLED) {
                limit.callEnded(ticker.nanos() - start, true);
            }
            throw e;
        }
    }

    private synchronized long begin(String call, Supplier<String> endpoint) {
        long now = ticker.nanos();
        started.merge(now, 1, Integer::sum);
        waiting.merge(call, 1, Integer::sum);
        if (silentEndpoint == null) {
            silentEndpoint = endpoint.get();
        }
        return now;
    }

    private synchronized void end(long start, String call, boolean answered) {
        started.computeIfPresent(start, (k, n) -> n == 1 ? null : n - 1);
        waiting.computeIfPresent(call, (k, n) -> n == 1 ? null : n - 1);
        if (answered) {
            lastAnswer = ticker.nanos();
            failedSince = Long.MAX_VALUE;
            unanswered.clear();
        } else {
            failedSince = Math.min(failedSince, start);
            unanswered.add(call);
        }
    }
}
