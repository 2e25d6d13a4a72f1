package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages that arrive in the DLQ while a client-side run moves it are moved too; progress and `list` then say
 * how many were there at the start and how many arrived since, never "moved N/M" with N above M (issue 17,
 * case 4). Also: a --copy run says it copied (issue 18).
 */
@Timeout(120)
class GrowingDlqTest extends ElasticMqCliTest {

    private static final Pattern PROGRESS = Pattern.compile("moved (\\d+)/(\\d+)");
    private static final Pattern ARRIVED = Pattern.compile("moved (\\d+) \\(60 at the start, (\\d+) arrived since\\)");

    @Test
    void messagesArrivingDuringAMoveAreToldAsArrivedSinceNeverAsMoreThanTheTotal() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 60, "early");
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> redrive("start", dlq.name(), "--to",
                target.name(), "--mode", "client", "--rate", "20"));
        Deadline.await(Duration.ofSeconds(30), () -> queues.depth(target) > 0, () -> "the move to begin");
        List<String> late = queues.send(dlq, 60, "late");
        RunResult r = run.get();
        assertThat(queues.depth(target)).as("the late ones moved too; " + r).isEqualTo(120);

        Matcher m = PROGRESS.matcher(r.err());
        while (m.find()) {
            assertThat(Long.parseLong(m.group(1))).as("N/M with N above M: " + m.group()).isLessThanOrEqualTo(
                    Long.parseLong(m.group(2)));
        }
        // Which counts a progress line shows depends on when its tick falls (one every 2 s, in a run of at least
        // 6 s at 20/s); the last one may come before the last move, so any line after the late ones arrived tells
        // them apart, and none counts more moved than were there and arrived since.
        Matcher arrived = ARRIVED.matcher(r.err());
        assertThat(arrived.find()).as("a progress line telling the late ones apart: " + r).isTrue();
        do {
            assertThat(Long.parseLong(arrived.group(1))).as(arrived.group())
                    .isLessThanOrEqualTo(60 + Long.parseLong(arrived.group(2)));
        } while (arrived.find());
        RunResult list = redrive("list", dlq.name());
        assertThat(list.out()).as(list.toString()).contains("60 +60 since");
        assertThat(late).hasSize(60);
    }

    @Test
    void aCopySaysItCopied() {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 30, "c");

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--copy");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).contains("COMPLETED  copied 30").doesNotContain("moved 30");
    }
}
