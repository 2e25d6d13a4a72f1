package dev.sqsredrive.testing.proxy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One line of a fault schedule: among the calls of {@code operation} (or of every operation when null),
 * starting with the {@code first}-th (1-based), every {@code every}-th call gets the fault, at most
 * {@code limit} times. Bounded by construction, so a test always ends.
 */
public final class FaultRule {

    private final String operation;
    private final Fault fault;
    private final int first;
    private final int every;
    private final int limit;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();

    private FaultRule(String operation, Fault fault, int first, int every, int limit) {
        if (first < 1 || every < 1 || limit < 0) {
            throw new IllegalArgumentException("first and every start at 1, limit at 0");
        }
        this.operation = operation;
        this.fault = fault;
        this.first = first;
        this.every = every;
        this.limit = limit;
    }

    /** The fault on calls first, first+every, first+2·every, … of the operation, at most limit times. */
    public static FaultRule on(String operation, Fault fault, int first, int every, int limit) {
        return new FaultRule(operation, fault, first, every, limit);
    }

    /** The fault on the first {@code times} calls of the operation. */
    public static FaultRule firstCalls(String operation, Fault fault, int times) {
        return new FaultRule(operation, fault, 1, 1, times);
    }

    /** Decides for one call; counts it whether or not the fault fires. */
    boolean fires(String calledOperation) {
        if (operation != null && !operation.equals(calledOperation)) {
            return false;
        }
        int n = seen.incrementAndGet();
        if (n < first || (n - first) % every != 0) {
            return false;
        }
        while (true) {
            int done = injected.get();
            if (done >= limit) {
                return false;
            }
            if (injected.compareAndSet(done, done + 1)) {
                return true;
            }
        }
    }

    public Fault fault() {
        return fault;
    }

    public String operation() {
        return operation;
    }

    /** How many times this rule's fault was injected so far. */
    public int injected() {
        return injected.get();
    }

    @Override
    public String toString() {
        return fault + " on " + (operation == null ? "any call" : operation) + " #" + first + " every " + every
                + " (max " + limit + ", injected " + injected.get() + ")";
    }
}
