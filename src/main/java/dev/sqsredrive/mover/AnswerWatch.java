package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.sqsredrive.time.Ticker;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The mover's calls, watched for answers: how long the endpoint has been silent (a call waiting, or failed
 * without an answer, and nothing answered since), and which calls are waiting. Any answer counts, an error
 * answer too (throttled, 5xx): the endpoint is alive. A timeout, a reset or a refused connection is no
 * answer. The ticking thread reads this to say what the run waits for and to give up on a dead endpoint.
 */
final class AnswerWatch implements QueueOps {

    private final QueueOps ops;
    private final Ticker ticker;
    /** Start times of the calls under way (a start may repeat: counted). */
    private final TreeMap<Long, Integer> started = new TreeMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Set<String> unanswered = new TreeSet<>();
    private long lastAnswer;
    private long failedSince = Long.MAX_VALUE;
    private String silentEndpoint;

    AnswerWatch(QueueOps ops, Ticker ticker) {
        this.ops = ops;
        this.ticker = ticker;
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

    private <T> T watch(String call, String queueUrl, Supplier<T> body) {
        long start = begin(call, queueUrl);
        try {
            T result = body.get();
            end(start, call, true);
            return result;
        } catch (AwsServiceException e) {
            end(start, call, true);
            throw e;
        } catch (SdkException e) {
            end(start, call, false);
            throw e;
        } catch (RuntimeException e) {
            end(start, call, true);
            throw e;
        }
    }

    private synchronized long begin(String call, String queueUrl) {
        long now = ticker.nanos();
        started.merge(now, 1, Integer::sum);
        waiting.merge(call, 1, Integer::sum);
        if (silentEndpoint == null) {
            silentEndpoint = ops.endpoint(queueUrl);
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

    @Override
    public List<Message> receive(String queueUrl, int max, int waitSeconds, int visibilityTimeoutSeconds) {
        return watch("ReceiveMessage", queueUrl,
                () -> ops.receive(queueUrl, max, waitSeconds, visibilityTimeoutSeconds));
    }

    @Override
    public BatchResult send(String queueUrl, List<SendMessageBatchRequestEntry> entries) {
        return watch("SendMessageBatch", queueUrl, () -> ops.send(queueUrl, entries));
    }

    @Override
    public BatchResult delete(String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
        return watch("DeleteMessageBatch", queueUrl, () -> ops.delete(queueUrl, entries));
    }

    @Override
    public BatchResult changeVisibility(String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries) {
        return watch("ChangeMessageVisibilityBatch", queueUrl, () -> ops.changeVisibility(queueUrl, entries));
    }

    @Override
    public long approximateMessages(String queueUrl) {
        return watch("GetQueueAttributes", queueUrl, () -> ops.approximateMessages(queueUrl));
    }

    @Override
    public Duration attemptTimeout() {
        return ops.attemptTimeout();
    }

    @Override
    public String endpoint(String queueUrl) {
        return ops.endpoint(queueUrl);
    }
}
