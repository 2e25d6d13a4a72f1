package dev.sqsredrive.mover;

import java.util.List;
import java.util.Optional;

import dev.sqsredrive.aws.RedriveException;

/**
 * The kinds of queue, tried in order on a reference: the first that recognises it parses it. A kind that
 * claims everything (SQS: any word may be a queue name) goes last.
 */
public final class QueueKinds {

    /** A reference as one kind parsed it. */
    public record Parsed(QueueKind<?> kind, Object reference) {

        /** The reference as kind {@code kind} parsed it, if that kind did. */
        public <R> Optional<R> as(QueueKind<R> wanted, Class<R> type) {
            return kind == wanted ? Optional.of(type.cast(reference)) : Optional.empty();
        }
    }

    private final List<QueueKind<?>> kinds;

    public QueueKinds(List<QueueKind<?>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** @throws RedriveException (usage) when no kind recognises the reference, or the one that does finds it malformed */
    public Parsed parse(String reference) {
        for (QueueKind<?> kind : kinds) {
            Optional<?> parsed = kind.parse(reference);
            if (parsed.isPresent()) {
                return new Parsed(kind, parsed.get());
            }
        }
        throw RedriveException.usage("'" + reference + "' is no " + String.join(" or ",
                kinds.stream().map(QueueKind::name).toList()) + " reference");
    }
}
