package dev.sqsredrive.mover;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Consulted right before each send, so that what it enforces holds on the wire: today the rate
 * ({@link RatePacer}) and the destination's backlog ({@link BacklogGuard}). Its answer is an
 * {@link Admission} the sender keeps until the send is answered: no guard remembers per thread whom it let go.
 */
@FunctionalInterface
public interface SendGuard {

    /** Waits until {@code messages} may be sent; {@link Admission#REFUSED} when the run stops and gives back. */
    Admission await(int messages) throws InterruptedException;

    /** Waits until {@code messages} may be sent to {@code to}; a guard that cares not where asks {@link #await(int)}. */
    default Admission await(Destination to, int messages) throws InterruptedException {
        return await(messages);
    }

    /** This guard, then {@code next} (the one that must admit right before the send, like the rate, last). */
    default SendGuard then(SendGuard next) {
        SendGuard first = this;
        return new SendGuard() {
            @Override
            public Admission await(int messages) throws InterruptedException {
                return both(first.await(messages), () -> next.await(messages));
            }

            @Override
            public Admission await(Destination to, int messages) throws InterruptedException {
                return both(first.await(to, messages), () -> next.await(to, messages));
            }
        };
    }

    /** A guard that lets everything go until the run must release what it holds. */
    static SendGuard unless(BooleanSupplier releaseRequested) {
        return n -> releaseRequested.getAsBoolean() ? Admission.REFUSED : Admission.GO;
    }

    /** The second guard asked only once the first admitted; a refusal by it hands the first one's turn back. */
    private static Admission both(Admission first, AwaitNext next) throws InterruptedException {
        if (!first.admitted()) {
            return Admission.REFUSED;
        }
        Admission second;
        try {
            second = next.await();
        } catch (InterruptedException | RuntimeException e) {
            first.sent(); // nothing goes: what the first counted as under way is not
            throw e;
        }
        if (!second.admitted()) {
            first.sent();
            return Admission.REFUSED;
        }
        return Admission.of(() -> {
            first.sent();
            second.sent();
        });
    }

    @FunctionalInterface
    interface AwaitNext {
        Admission await() throws InterruptedException;
    }

    /**
     * One send let go (or not): the sender calls {@link #sent} once its send is answered, or once it knows it
     * will not send after all, whatever the outcome; a second call does nothing.
     */
    final class Admission {

        /** Let go, and nothing to report after the send. */
        public static final Admission GO = new Admission(true, () -> { });
        /** Not let go: the run is stopping, what is not sent is given back. */
        public static final Admission REFUSED = new Admission(false, () -> { });

        private final boolean admitted;
        private final Runnable onSent;
        private final AtomicBoolean reported = new AtomicBoolean();

        private Admission(boolean admitted, Runnable onSent) {
            this.admitted = admitted;
            this.onSent = onSent;
        }

        /** Let go; {@code onSent} runs once, when the send is answered. */
        public static Admission of(Runnable onSent) {
            return new Admission(true, onSent);
        }

        public boolean admitted() {
            return admitted;
        }

        /** The send this admitted was answered, or will not be made. */
        public void sent() {
            if (reported.compareAndSet(false, true)) {
                onSent.run();
            }
        }
    }
}
