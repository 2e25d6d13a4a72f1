package dev.sqsredrive.mover;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;


/**
 * Where each message goes. With --to, there. Without it, back to the queue its DeadLetterQueueSourceArn
 * names; when a message has none, to the DLQ's only source queue; when there is no single source, the
 * message stays in the DLQ and is reported.
 */
public final class Routing {

    /** A message's destination, or why it has none. */
    public record Route(Destination destination, String problem) {

        static Route to(Destination d) {
            return new Route(d, null);
        }

        static Route none(String problem) {
            return new Route(null, problem);
        }
    }

    private final Destination fixed;
    private final Destination singleSource;
    private final int sourceCount;
    private final Function<String, Optional<Destination>> resolveArn;
    private final Map<String, Optional<Destination>> resolved = new ConcurrentHashMap<>();

    /**
     * @param fixed        the --to destination, or null
     * @param singleSource the DLQ's source queue when it has exactly one, else null
     * @param sourceCount  how many queues dead-letter into the DLQ (for the report)
     * @param resolveArn   looks up an origin queue by ARN; empty when it does not exist
     */
    public Routing(Destination fixed, Destination singleSource, int sourceCount,
                   Function<String, Optional<Destination>> resolveArn) {
        this.fixed = fixed;
        this.singleSource = singleSource;
        this.sourceCount = sourceCount;
        this.resolveArn = resolveArn;
    }

    public Route route(Msg m) {
        if (fixed != null) {
            return Route.to(fixed);
        }
        String origin = m.attribute(Msg.SystemAttribute.DEAD_LETTER_QUEUE_SOURCE_ARN);
        if (origin != null && !origin.isBlank()) {
            return resolved.computeIfAbsent(origin, resolveArn).map(Route::to)
                    .orElseGet(() -> Route.none("origin queue " + origin + " does not exist"));
        }
        if (singleSource != null) {
            return Route.to(singleSource);
        }
        return Route.none(sourceCount == 0
                ? "no DeadLetterQueueSourceArn and no queue dead-letters into the DLQ (use --to)"
                : "no DeadLetterQueueSourceArn and " + sourceCount + " source queues to choose from (use --to)");
    }
}
