package dev.sqsredrive.mover;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** A journal written as a run writes it, through the journal's own methods, for the tests that read it back. */
final class WrittenJournal {

    private WrittenJournal() {
    }

    /** The journal {@code file}, its entry lines as {@code lines} writes them; closed, as a killed run leaves it. */
    static Path write(Path file, Consumer<Journal> lines) {
        try (Journal j = Journal.open(file, "{}")) {
            lines.accept(j);
        }
        return file;
    }

    /** A received message as an attempt records it: its id, and its fingerprint when SQS sent one (else null). */
    static Msg msg(String id, String fingerprint) {
        return new Msg(id, "rh-" + id, "body", Map.of(), Map.of(), fingerprint);
    }
}
