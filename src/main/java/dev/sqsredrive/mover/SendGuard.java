package dev.sqsredrive.mover;

/**
 * Consulted right before each send, so that what it enforces holds on the wire: today the rate
 * ({@link RatePacer}); the breaker and backpressure are guards of this kind too.
 */
@FunctionalInterface
public interface SendGuard {

    /** Waits until {@code messages} may be sent; false when the run must stop and give back what it has not sent. */
    boolean await(int messages) throws InterruptedException;

    /** After each send that {@link #await} let go, whatever its outcome. */
    default void sent() {
    }

    /** A guard that lets everything go until the run must release what it holds. */
    static SendGuard unless(java.util.function.BooleanSupplier releaseRequested) {
        return n -> !releaseRequested.getAsBoolean();
    }
}
