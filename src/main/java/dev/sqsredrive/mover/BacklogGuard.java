package dev.sqsredrive.mover;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.sqsredrive.mover.guard.Backpressure;

/**
 * {@code --max-backlog}: before each send, waits while the batch's destination holds N or more visible
 * messages ({@link Backpressure}, read at most once a second per destination, counting in the sends it let
 * through that are still under way). A reading that fails is taken
 * as still full: when its backlog cannot be read, a destination is not fed blindly.
 */
final class BacklogGuard implements SendGuard {

    private final Backpressure pressure;
    private final Function<Destination, Sink> sinks;
    private final CallFailures failures;
    private final long max;
    private final BooleanSupplier stopping;
    /** @param stopping true once the run stops receiving: a paused batch is then given back, not sent */
    BacklogGuard(Backpressure pressure, long max, Function<Destination, Sink> sinks, CallFailures failures,
                 BooleanSupplier stopping) {
        this.pressure = pressure;
        this.max = max;
        this.sinks = sinks;
        this.failures = failures;
        this.stopping = stopping;
    }

    @Override
    public Admission await(int messages) {
        return stopping.getAsBoolean() ? Admission.REFUSED : Admission.GO;
    }

    /** Admitted, the batch counts as under way to {@code to} until its admission's {@code sent()}. */
    @Override
    public Admission await(Destination to, int messages) throws InterruptedException {
        Backpressure.Gate gate = pressure.gate(to.name(), () -> depth(to));
        if (!gate.admit(stopping, messages)) {
            return Admission.REFUSED;
        }
        return Admission.of(() -> gate.landed(messages));
    }

    private long depth(Destination to) {
        try {
            return sinks.apply(to).visibleDepth();
        } catch (RuntimeException e) {
            if (failures.classify(e) == null) {
                throw e;
            }
            return max;
        }
    }
}
