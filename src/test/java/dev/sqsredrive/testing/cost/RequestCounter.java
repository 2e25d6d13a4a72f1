package dev.sqsredrive.testing.cost;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * Counts every SQS request any SDK client of the test JVM sends (the fixtures' and the tool's own, retries
 * included: SQS bills each one), per operation and per queue type, because FIFO requests cost more. Loaded
 * for every client through the SDK's global interceptor list (test resources,
 * software/amazon/awssdk/global/handlers/execution.interceptors), so the tool's code needs no hook for it.
 */
public final class RequestCounter implements ExecutionInterceptor {

    /** One kind of billed request. */
    public record Kind(String operation, boolean fifo) implements Comparable<Kind> {
        @Override
        public int compareTo(Kind o) {
            int byOperation = operation.compareTo(o.operation);
            return byOperation != 0 ? byOperation : Boolean.compare(fifo, o.fifo);
        }
    }

    private static final Map<Kind, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof SqsRequest)) {
            return; // STS and the rest are free
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        COUNTS.computeIfAbsent(new Kind(operation, isFifo(context)), k -> new LongAdder()).increment();
    }

    /** A request on a FIFO queue: its URL or, for CreateQueue, its name ends in .fifo. */
    static boolean isFifo(Context.BeforeTransmission context) {
        for (String field : new String[] {"QueueUrl", "QueueName"}) {
            String value = context.request().getValueForField(field, String.class).orElse(null);
            if (value != null) {
                return value.endsWith(".fifo");
            }
        }
        return false;
    }

    /** The counts so far, sorted. */
    public static Map<Kind, Long> snapshot() {
        Map<Kind, Long> copy = new TreeMap<>();
        COUNTS.forEach((kind, n) -> copy.put(kind, n.sum()));
        return copy;
    }

    /** What was counted after {@code before} was taken. */
    public static Map<Kind, Long> since(Map<Kind, Long> before) {
        Map<Kind, Long> delta = new TreeMap<>();
        snapshot().forEach((kind, n) -> {
            long d = n - before.getOrDefault(kind, 0L);
            if (d > 0) {
                delta.put(kind, d);
            }
        });
        return delta;
    }
}
