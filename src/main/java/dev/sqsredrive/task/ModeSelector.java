package dev.sqsredrive.task;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.sqsredrive.aws.Endpoints;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;

/**
 * Chooses between SQS's native move task and the client-side mover. {@code auto} takes the native task
 * whenever it can serve the request and says why when it does not; {@code native} never falls back (it
 * refuses what it cannot do); {@code client} always moves client-side.
 * <p>
 * Endpoints that are not AWS: ElasticMQ's FIFO move task reports COMPLETED and moves nothing, so a FIFO
 * DLQ on a non-AWS endpoint goes client-side in auto mode (decided from the endpoint, never by probing
 * with a task that might move messages).
 */
public final class ModeSelector {

    /** Who moves the messages. */
    public enum Mode { AUTO, NATIVE, CLIENT }

    /**
     * @param client true for the client-side mover
     * @param reason why auto mode chose client-side; null otherwise
     */
    public record Decision(boolean client, String reason) {
    }

    private ModeSelector() {
    }

    /** The choice that needs no AWS call; null when it depends on the queues. */
    public static Decision offline(Mode mode, Double rate, ClientOptions options) {
        return offline(mode, rate, options, SafeRedrive.NONE);
    }

    /**
     * As above, with the safe-redrive guards: in auto mode any of them selects the client-side mover; in
     * native mode an explicit --max-returned is served by the watcher of `start --watch`, the others refused.
     */
    public static Decision offline(Mode mode, Double rate, ClientOptions options, SafeRedrive safe) {
        String guards = mode == Mode.NATIVE ? safe.nativeRefusal() : safe.clientOnlyReason();
        String reason = java.util.stream.Stream.of(options.clientOnlyReason(), guards, rateReason(rate))
                .filter(java.util.Objects::nonNull).reduce((a, b) -> a + "; " + b).orElse(null);
        if (mode == Mode.CLIENT) {
            return new Decision(true, null);
        }
        if (mode == Mode.NATIVE && reason != null) {
            throw RedriveException.usage("--mode native cannot do this: " + reason + "; use --mode client or auto");
        }
        if (mode == Mode.NATIVE && options.concurrency() != null) {
            throw RedriveException.usage("--concurrency applies to the client-side mover only; use --mode client");
        }
        return reason == null ? null : new Decision(true, reason);
    }

    /** The choice once source, destination and the DLQ's sources are known. */
    public static Decision online(Mode mode, ResolvedQueue source, ResolvedQueue destination,
                                  List<String> sourceUrls, Optional<URI> endpoint) {
        String reason = null;
        if (destination != null && (!destination.accountId().equals(source.accountId())
                || !destination.region().equals(source.region()))) {
            reason = "the destination is in another account or region (native move tasks stay in one)";
        } else if (sourceUrls.isEmpty() && destination != null) {
            // Without --to there would be nowhere to send messages that name no origin: the planner refuses.
            reason = "no queue dead-letters into '" + source.name() + "' (a native move task needs an SQS source)";
        } else if (source.fifo() && endpoint.isPresent() && !Endpoints.isAws(endpoint.get())) {
            reason = "endpoint " + endpoint.get() + " is not AWS: emulators' FIFO move tasks (ElasticMQ's) report"
                    + " COMPLETED and move nothing";
        }
        if (mode == Mode.CLIENT) {
            return new Decision(true, null);
        }
        if (reason == null) {
            return new Decision(false, null);
        }
        if (mode == Mode.NATIVE) {
            if (sourceUrls.isEmpty()) {
                return new Decision(false, null); // the planner says it in its own words
            }
            throw RedriveException.usage("--mode native cannot do this: " + reason + "; use --mode client or auto");
        }
        return new Decision(true, reason);
    }

    /**
     * The choice once the DLQ's journals are read: unfinished client-side runs (a reason, else null) send the
     * move client-side in auto mode and refuse native mode, which would send their messages again unreported.
     */
    public static Decision afterUnfinished(Mode mode, String unfinished, Decision decision) {
        if (unfinished == null) {
            return decision;
        }
        if (mode == Mode.NATIVE) {
            throw RedriveException.usage("--mode native cannot do this: " + unfinished + "; use --mode client or auto");
        }
        return new Decision(true, unfinished);
    }

    /** Why a StartMessageMoveTask error means the endpoint lacks the API; null when it is a real refusal. */
    public static String unsupportedReason(String errorCode) {
        return switch (errorCode) {
            // Not UnsupportedOperation: ElasticMQ answers that when a task already runs on the source, and a
            // client-side move next to a running task would be two movers on one DLQ.
            case "InvalidAction", "UnknownOperationException", "NotImplemented" ->
                    "the endpoint does not support StartMessageMoveTask (" + errorCode + ")";
            default -> null;
        };
    }

    private static String rateReason(Double rate) {
        if (rate == null) {
            return null;
        }
        if (rate != Math.rint(rate) || rate < MovePlanner.MIN_NATIVE_RATE || rate > MovePlanner.MAX_NATIVE_RATE) {
            return "--rate " + fmt(rate) + " is not a whole number from " + MovePlanner.MIN_NATIVE_RATE + " to "
                    + MovePlanner.MAX_NATIVE_RATE + " (a native move task's bounds)";
        }
        return null;
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
