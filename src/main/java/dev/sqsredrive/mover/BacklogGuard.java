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
    /** The batch this worker was last let through for, to report it landed (each worker awaits and sends itself). */
    private final ThreadLocal<Admitted> admitted = new ThreadLocal<>();

    private record Admitted(Backpressure.Gate gate, int messages) {
    }

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
    public boolean await(int messages) {
        return !stopping.getAsBoolean();
    }

    @Override
    public boolean await(Destination to, int messages) throws InterruptedException {
        Backpressure.Gate gate = pressure.gate(to.name(), () -> depth(to));
        if (!gate.admit(stopping, messages)) {
            return false;
        }
        admitted.set(new Admitted(gate, messages));
        return true;
    }

    @Override
    public void sent() {
        Admitted a = admitted.get();
        if (a != null) {
            admitted.remove();
            a.gate().landed(a.messages());
        }
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
