package dev.sqsredrive.mover;

/**
 * Consulted right before each send, so that what it enforces holds on the wire: today the rate
 * ({@link RatePacer}) and the destination's backlog ({@link BacklogGuard}).
 */
@FunctionalInterface
public interface SendGuard {

    /** Waits until {@code messages} may be sent; false when the run must stop and give back what it has not sent. */
    boolean await(int messages) throws InterruptedException;

    /** Waits until {@code messages} may be sent to {@code to}; a guard that cares not where asks {@link #await(int)}. */
    default boolean await(Destination to, int messages) throws InterruptedException {
        return await(messages);
    }

    /** After each send that {@link #await} let go, whatever its outcome. */
    default void sent() {
    }

    /** This guard, then {@code next} (the one that must admit right before the send, like the rate, last). */
    default SendGuard then(SendGuard next) {
        SendGuard first = this;
        return new SendGuard() {
            @Override
            public boolean await(int messages) throws InterruptedException {
                return first.await(messages) && next.await(messages);
            }

            @Override
            public boolean await(Destination to, int messages) throws InterruptedException {
                return first.await(to, messages) && next.await(to, messages);
            }

            @Override
            public void sent() {
                first.sent();
                next.sent();
            }
        };
    }

    /** A guard that lets everything go until the run must release what it holds. */
    static SendGuard unless(java.util.function.BooleanSupplier releaseRequested) {
        return n -> !releaseRequested.getAsBoolean();
    }
}
