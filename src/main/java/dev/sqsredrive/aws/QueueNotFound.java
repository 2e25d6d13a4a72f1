package dev.sqsredrive.aws;

import java.util.List;

/** SQS said the queue does not exist; carries the close names found, if any, for callers that weigh them. */
public final class QueueNotFound extends RedriveException {

    private final transient List<String> suggestions;

    QueueNotFound(String message, List<String> suggestions, Throwable cause) {
        super(Kind.AWS, message, cause);
        this.suggestions = List.copyOf(suggestions);
    }

    /** Names of this region's queues close to the one asked for; empty when none or not looked for. */
    public List<String> suggestions() {
        return suggestions;
    }
}
