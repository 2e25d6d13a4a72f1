package dev.sqsredrive.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline, instead of sleeping and hoping: fails with what was awaited and what was seen. */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    public static Deadline in(Duration budget) {
        return new Deadline(budget);
    }

    /** Throws when the deadline passed; otherwise yields the CPU briefly so the server can make progress. */
    public void check(Supplier<String> waitingFor) {
        if (System.nanoTime() > endNanos) {
            throw new AssertionError("gave up after " + budget + " waiting for: " + waitingFor.get());
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for: " + waitingFor.get());
        }
    }

    public static void await(Duration budget, BooleanSupplier condition, Supplier<String> waitingFor) {
        Deadline d = in(budget);
        while (!condition.getAsBoolean()) {
            d.check(waitingFor);
        }
    }
}
