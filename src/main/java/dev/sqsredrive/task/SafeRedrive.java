package dev.sqsredrive.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.guard.Canary;
import dev.sqsredrive.mover.guard.MaxReturned;

/**
 * The safe-redrive guards asked for on `start` (docs/MOVER.md, "Safe redrive"), beside {@link ClientOptions}: the
 * breaker's bound, the canary and the destination's backlog bound. The one-pass rule needs no option.
 *
 * @param maxReturned the breaker's bound; {@link MaxReturned#DEFAULT} when not given
 * @param canary      messages to move first and watch; null for no canary
 * @param canaryWait  how long to watch them; null for {@link Canary#DEFAULT_WAIT}
 * @param maxBacklog  pause sends to a destination holding this many visible messages; null for no bound
 * @param watched     `start --watch` was given: a native task is followed, so its watcher can cancel it
 */
public record SafeRedrive(MaxReturned maxReturned, Long canary, Duration canaryWait, Long maxBacklog,
                          boolean watched) {

    public static final SafeRedrive NONE = new SafeRedrive(MaxReturned.DEFAULT, null, null, null, false);

    public SafeRedrive {
        maxReturned = maxReturned == null ? MaxReturned.DEFAULT : maxReturned;
    }

    /** The checks that need no AWS call; one line each, exit 2. */
    public void checkInput() {
        if (canary != null && canary < 1) {
            throw RedriveException.usage("--canary takes a positive number of messages, not " + canary);
        }
        if (canaryWait != null && canary == null) {
            throw RedriveException.usage("--canary-wait goes with --canary N");
        }
        if (maxBacklog != null && maxBacklog < 1) {
            throw RedriveException.usage("--max-backlog takes a positive number of messages, not " + maxBacklog);
        }
    }

    public Duration canaryWaitOrDefault() {
        return canaryWait == null ? Canary.DEFAULT_WAIT : canaryWait;
    }

    /** True when --max-returned was given as a bound (not off): it arms the breaker of a native task's watcher. */
    public boolean boundGiven() {
        return maxReturned.explicit() && maxReturned.kind() != MaxReturned.Kind.OFF;
    }

    /** Why these guards need the client-side mover, in auto mode; null when none was asked for. */
    public String clientOnlyReason() {
        List<String> reasons = new ArrayList<>(mustBeClientSide());
        if (boundGiven()) {
            reasons.add("--max-returned was given (a native move task cannot stop itself when messages come back:"
                    + " --mode native --watch cancels it from the watcher)");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** What of these --mode native cannot do; null when it can (an explicit bound, with --watch). */
    public String nativeRefusal() {
        List<String> reasons = new ArrayList<>(mustBeClientSide());
        if (boundGiven() && !watched) {
            reasons.add("--max-returned needs --watch with a native task (the watcher cancels it past the bound)");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private List<String> mustBeClientSide() {
        List<String> reasons = new ArrayList<>();
        if (canary != null) {
            reasons.add("--canary needs the client-side mover (a native move task cannot pause to watch)");
        }
        if (maxBacklog != null) {
            reasons.add("--max-backlog needs the client-side mover (a native move task cannot pause its sends)");
        }
        return reasons;
    }
}
