package dev.sqsredrive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON object a client-side `redrive start -o json` prints at the end of its run. */
public record MoverSummary(String taskHandle, String mode, String status, long moved, long failed, long skipped,
                           long duplicatesPossible, long undeleted, double elapsedSeconds, double achievedRate,
                           JsonNode raw) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the last non-empty stdout line of a run (the summary), failing with the whole run shown. */
    public static MoverSummary of(RunResult run) {
        return parse(run.out(), run.toString());
    }

    public static MoverSummary parse(String stdout, String context) {
        String[] lines = stdout.strip().split("\n");
        try {
            JsonNode n = JSON.readTree(lines[lines.length - 1]);
            if (n == null || !n.has("taskHandle")) {
                throw new AssertionError("no mover summary on stdout:\n" + context);
            }
            return new MoverSummary(n.path("taskHandle").asText(), n.path("mode").asText(), n.path("status").asText(),
                    n.path("moved").asLong(), n.path("failed").asLong(), n.path("skipped").asLong(),
                    n.path("duplicatesPossible").asLong(), n.path("undeleted").asLong(),
                    n.path("elapsedSeconds").asDouble(),
                    n.path("achievedRate").asDouble(), n);
        } catch (IOException e) {
            throw new AssertionError("stdout's last line is not JSON:\n" + context, new UncheckedIOException(e));
        }
    }
}
