package dev.sqsredrive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's lines: every field back as written, and whole lines however many write at once. */
class AuditLogTest {

    @TempDir
    Path state;

    private static AuditRecord record(int i, String body) {
        return new AuditRecord(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(i), "start",
                List.of("start", "orders-dlq", "--filter", body), "ops", "box", null,
                "arn:aws:sqs:eu-west-1:123456789012:orders-dlq", null, List.of(body), "client-" + i,
                Map.of("moved", (long) i), "COMPLETED", 0, null);
    }

    @Test
    void aRecordReadsBackAsWrittenWithAnAwkwardBody() throws Exception {
        AuditLog log = new AuditLog(state.resolve("new"));
        AuditRecord written = record(7, "body:line\nbreak \"quoted\" é");

        log.append(written);

        assertThat(log.read().records()).containsExactly(written);
        assertThat(Files.readAllLines(log.file(), StandardCharsets.UTF_8)).hasSize(1);
    }

    /** Each writer opens the file on its own, as two processes do: O_APPEND, one write per line. */
    @Test
    void writersAppendingAtOnceLoseNoLineAndTearNone() throws Exception {
        AuditLog log = new AuditLog(state);
        String longFilter = "body:" + "x".repeat(5000); // longer than a pipe's atomic write, as a file's must not care
        int writers = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int first = w * each;
                done.add(pool.submit(() -> {
                    for (int i = first; i < first + each; i++) {
                        new AuditLog(state).append(record(i, longFilter));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditLog.Contents contents = log.read();
        assertThat(contents.unreadable()).isZero();
        assertThat(contents.records()).hasSize(writers * each)
                .extracting(AuditRecord::handle).doesNotHaveDuplicates();
    }

    @Test
    void aDamagedOrNewerLineIsCountedAndTheRestRead() throws Exception {
        AuditLog log = new AuditLog(state);
        log.append(record(1, "body:a"));
        Files.writeString(log.file(), "{\"v\":2,\"time\":\"x\"}\n{\"v\":1,\"tim", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        log.append(record(2, "body:b")); // after a torn line: that line is lost, this one is not

        AuditLog.Contents contents = log.read();

        assertThat(contents.records()).extracting(AuditRecord::handle).containsExactly("client-1", "client-2");
        assertThat(contents.unreadable()).isEqualTo(2);
    }

    /** A link planted in place of the log (a directory others could write to) is not followed. */
    @Test
    void aLinkInPlaceOfTheLogIsNotFollowed() throws Exception {
        Path elsewhere = Files.writeString(state.resolve("someone-elses-file"), "keep\n");
        AuditLog log = new AuditLog(state);
        Files.createSymbolicLink(log.file(), elsewhere);

        assertThatThrownBy(() -> log.append(record(1, "body:a"))).isInstanceOf(java.io.IOException.class);

        assertThat(Files.readString(elsewhere)).isEqualTo("keep\n");
    }
}
