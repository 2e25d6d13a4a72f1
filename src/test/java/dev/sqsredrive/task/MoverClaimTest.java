package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim that cannot be read (a file system without hard links shows it before its content) is another
 * mover's claim being written: it is respected for 10 seconds from its file's time, by the run's clock.
 */
class MoverClaimTest {

    private static final String DLQ = "arn:aws:sqs:us-east-1:1:dlq";
    private static final Instant WRITTEN = Instant.parse("2026-05-01T12:00:00Z");

    @TempDir
    Path state;

    @Test
    void anUnreadableClaimIsRespectedWhileBeingWrittenAndTakenOverAfterByTheRunsClock() throws Exception {
        Path claim = MoverClaim.fileOf(state, DLQ);
        Files.createDirectories(claim.getParent());
        Files.writeString(claim, "{\"pid\":");
        Files.setLastModifiedTime(claim, FileTime.from(WRITTEN));

        MoverClaim.Result early = MoverClaim.take(state, DLQ, me(WRITTEN.plusSeconds(5)), h -> true);

        assertThat(early.claim()).as("5 s after it was written: still being written").isNull();
        assertThat(early.holder()).isEqualTo(MoverClaim.UNKNOWN);
        assertThat(claim).hasContent("{\"pid\":");

        MoverClaim.Result late = MoverClaim.take(state, DLQ, me(WRITTEN.plus(Duration.ofSeconds(11))), h -> true);

        try (MoverClaim taken = late.claim()) {
            assertThat(taken).as("11 s after: abandoned, taken over").isNotNull();
            assertThat(late.staleTaken()).isEqualTo(MoverClaim.UNKNOWN);
            assertThat(MoverClaim.holder(state, DLQ)).hasValueSatisfying(h -> assertThat(h.handle())
                    .isEqualTo("client-me"));
        }
        assertThat(claim).as("released").doesNotExist();
    }

    private static MoverClaim.Holder me(Instant now) {
        return new MoverClaim.Holder(ProcessHandle.current().pid(), "client-me", now);
    }
}
